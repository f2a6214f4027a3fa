using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>
/// What CloudFront requires in us-east-1: the certificate of the public name (DNS-validated in the public hosted zone;
/// CloudFormation writes the validation record itself) and the CLOUDFRONT-scope web ACL with AWS managed rule groups
/// and a per-IP rate limit.
/// </summary>
public sealed class GlobalEdge : Construct
{
    /// <summary>Requests per IP in 5 minutes before the web ACL blocks that IP.</summary>
    public const int RateLimitPer5Minutes = 2000;

    /// <summary>Creates the certificate when <paramref name="certificate"/> and the web ACL when <paramref name="firewall"/>.</summary>
    public GlobalEdge(Construct scope, string id, ResolvedEnvironment environment, bool certificate, bool firewall)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (certificate)
        {
            var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
            {
                HostedZoneId = environment.Ingress.HostedZoneId!,
                ZoneName = environment.Domain!,
            });
            Certificate = new Certificate(this, "Certificate", new CertificateProps
            {
                DomainName = EmitNames.PublicHost(environment)!,
                Validation = CertificateValidation.FromDns(zone),
            });
        }

        if (firewall)
        {
            var name = $"{environment.StackPrefix}-edge";
            WebAcl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
            {
                Name = name,
                Scope = "CLOUDFRONT",
                Description = $"Firewall in front of {environment.StackPrefix}",
                DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
                VisibilityConfig = Visibility(name),
                Rules = new[]
                {
                    new CfnWebACL.RuleProperty
                    {
                        Name = "RateLimitPerIp",
                        Priority = 0,
                        Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
                        Statement = new CfnWebACL.StatementProperty
                        {
                            RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
                            {
                                AggregateKeyType = "IP",
                                Limit = RateLimitPer5Minutes,
                            },
                        },
                        VisibilityConfig = Visibility($"{name}-rate-limit"),
                    },
                    Managed("AWSManagedRulesAmazonIpReputationList", 10, name),
                    Managed("AWSManagedRulesCommonRuleSet", 20, name),
                    Managed("AWSManagedRulesKnownBadInputsRuleSet", 30, name),
                },
            });
        }
    }

    /// <summary>The certificate, or null.</summary>
    public Certificate? Certificate { get; }

    /// <summary>The web ACL, or null.</summary>
    public CfnWebACL? WebAcl { get; }

    private static CfnWebACL.RuleProperty Managed(string group, int priority, string prefix) => new()
    {
        Name = group,
        Priority = priority,
        OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
        Statement = new CfnWebACL.StatementProperty
        {
            ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty { VendorName = "AWS", Name = group },
        },
        VisibilityConfig = Visibility($"{prefix}-{group}"),
    };

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        MetricName = metric,
        SampledRequestsEnabled = true,
    };
}
