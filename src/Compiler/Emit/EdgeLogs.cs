using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The edge access logs (ADR 0011): CloudFront standard logging (v2) of the distribution delivered as JSON records to a
/// CloudWatch Logs group, and per static app the metric filters its per-path alarms read. In us-east-1, because
/// CloudFront's delivery source can only be created there
/// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html), and the metric filters
/// and the alarms on them must share the log group's region. Plain CloudFormation: delivery source, destination and
/// delivery are <c>AWS::Logs</c> resources.
/// </summary>
public sealed class EdgeLogs : Construct
{
    /// <summary>Creates the key, log group, its resource policy, the delivery and the metric filters.</summary>
    /// <param name="scope">A stack in us-east-1.</param>
    /// <param name="id">Construct id.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="distributionId">Id of the environment's distribution (a parameter token).</param>
    public EdgeLogs(Construct scope, string id, ResolvedEnvironment environment, string distributionId)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var stack = Stack.Of(this);
        var prefix = environment.StackPrefix;
        var key = new LogsKey(this, "Key", $"{prefix} (edge access logs)");

        // The /aws/vendedlogs/ prefix keeps the log group inside the wildcard the vended-logs resource policies use
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html).
        LogGroupName = $"/aws/vendedlogs/trilho/{prefix}/cloudfront";
        var logGroup = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            LogGroupName = LogGroupName,
            Retention = LogRetention.AtLeast(environment.LogRetentionDays),
            EncryptionKey = key.Key,
            // Kept in resilient environments, except when the create that made it rolls back (a retry would find the name taken).
            RemovalPolicy = environment.Profile == Trilho.Compiler.Model.Profile.Resilient ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
        });
        var logGroupArn = stack.FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = LogGroupName, ArnFormat = ArnFormat.COLON_RESOURCE_NAME });

        // Written here rather than left to the delivery: CloudWatch Logs would create an account-wide policy the stack
        // does not own (it survives the stack) when the deploying role may call logs:PutResourcePolicy. Same statement
        // and conditions as the documented one, scoped to this log group
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html).
        var policy = new CfnResourcePolicy(this, "DeliveryWrite", new CfnResourcePolicyProps
        {
            PolicyName = $"{prefix}-edge-access-logs",
            PolicyDocument = Stack.Of(this).ToJsonString(new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "CloudFrontAccessLogDelivery",
                        Effect = Effect.ALLOW,
                        Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
                        Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
                        Resources = [$"{logGroupArn}:log-stream:*"],
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
                            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{Aws.PARTITION}:logs:{stack.Region}:{Aws.ACCOUNT_ID}:*" },
                        },
                    }),
                ],
            }).ToJSON()),
        });

        var source = new CfnDeliverySource(this, "Source", new CfnDeliverySourceProps
        {
            Name = $"{prefix}-cloudfront",
            ResourceArn = $"arn:{Aws.PARTITION}:cloudfront::{Aws.ACCOUNT_ID}:distribution/{distributionId}",
            LogType = "ACCESS_LOGS",
        });
        var destination = new CfnDeliveryDestination(this, "Destination", new CfnDeliveryDestinationProps
        {
            Name = $"{prefix}-cloudfront-logs",
            DestinationResourceArn = logGroupArn,
        });

        // JSON records let the metric filters address fields by name ($.sc-status); CDK 2.160 lacks the property.
        destination.AddPropertyOverride("OutputFormat", "json");
        destination.Node.AddDependency(logGroup);
        var delivery = new CfnDelivery(this, "Delivery", new CfnDeliveryProps
        {
            DeliverySourceName = source.Ref,
            DeliveryDestinationArn = destination.AttrArn,
        });
        delivery.AddPropertyOverride("RecordFields", StaticPathMetrics.RecordFields.ToArray());
        delivery.AddDependency(policy);

        foreach (var app in environment.Apps.OfType<ResolvedStaticApp>())
        {
            var metrics = StaticPathMetrics.For(environment, app);
            foreach (var (metricName, pattern) in metrics.Filters())
            {
                var filter = new CfnMetricFilter(this, metricName, new CfnMetricFilterProps
                {
                    FilterName = $"{prefix}-{metricName}",
                    LogGroupName = LogGroupName,
                    FilterPattern = pattern,
                    MetricTransformations = new object[]
                    {
                        new CfnMetricFilter.MetricTransformationProperty
                        {
                            MetricNamespace = metrics.Namespace,
                            MetricName = metricName,
                            MetricValue = "1",
                            DefaultValue = 0,
                            Unit = "Count",
                        },
                    },
                });
                filter.Node.AddDependency(logGroup);
            }
        }
    }

    /// <summary>Name of the log group of the edge access logs.</summary>
    public string LogGroupName { get; }
}
