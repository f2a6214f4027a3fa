using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Emit.Delivery;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>
/// <c>-app-&lt;id&gt;</c>, one per app, tagged with its app and team. An api app's stack imports its network, route and
/// database from the shared stack and its image tag from the push step; a static app's stack imports nothing.
/// </summary>
internal static class AppStack
{
    /// <summary>Template parameter of an api app stack that receives the pushed image tag.</summary>
    public const string ImageTagParameter = "ImageTag";

    private const string ServiceNameOutput = "ServiceName";
    private const string BucketNameOutput = "BucketName";
    private const string BucketDomainOutput = "BucketRegionalDomainName";

    /// <summary>Adds the stack of api app <paramref name="api"/>; <paramref name="shared"/> holds its route.</summary>
    public static MonitoredApiApp AddApi(StackGraph graph, ResolvedPlatform platform, ResolvedEnvironment environment, ResolvedApiApp api, SharedOutputs shared, SharedApiOutputs cluster)
    {
        var node = New(graph, environment, api);
        var route = cluster.Apps[api.Id];
        if (node.Replayed is not null)
        {
            return new MonitoredApiApp(api, route.TargetGroupFullName, node.Output(ServiceNameOutput));
        }

        var inputs = new ApiServiceInputs(
            AvailabilityZones: shared.PrivateSubnetIds.Select((_, i) => Fn.Select(i, Fn.GetAzs())).ToList(),
            PrivateSubnetIds: shared.PrivateSubnetIds.Select((subnet, i) => node.Import($"PrivateSubnet{i + 1}Id", subnet)).ToList(),
            SecurityGroupId: node.Import("SecurityGroupId", route.SecurityGroupId),
            TargetGroupArn: node.Import("TargetGroupArn", route.TargetGroupArn),
            TargetGroupFullName: node.Import("TargetGroupFullName", route.TargetGroupFullName),
            LoadBalancerFullName: node.Import("LoadBalancerFullName", cluster.LoadBalancerFullName),
            LogsKeyArn: node.Import("LogsKeyArn", shared.LogsKeyArn),
            ImageTag: node.ImageTag(ImageTagParameter, api.Id, route.RepositoryUri, "Tag of the image to run, pushed to the app's repository before deploying"),
            Database: api.DatabaseAccess && shared.Database is { } db
                ? new ApiDatabaseInputs(node.Import("DatabaseEndpoint", db.Endpoint), node.Import("DatabaseResourceId", db.ResourceId))
                : null);
        var service = new ApiService(node.Stack, EmitNames.Pascal(api.Id), environment, api, inputs);
        RollBackOnReleaseAlarms(node.Stack, environment, api, service, inputs.TargetGroupFullName, inputs.LoadBalancerFullName);
        var serviceName = node.Export(ServiceNameOutput, service.Service.ServiceName, "ECS service");
        Bound(node, platform, environment, api);
        return new MonitoredApiApp(api, route.TargetGroupFullName, serviceName);
    }

    /// <summary>Adds the stack of static app <paramref name="app"/>: its bucket.</summary>
    public static StaticAppOutputs AddStatic(StackGraph graph, ResolvedPlatform platform, ResolvedEnvironment environment, ResolvedStaticApp app)
    {
        var node = New(graph, environment, app);
        if (node.Replayed is not null)
        {
            return new StaticAppOutputs(app, node.Output(BucketNameOutput), node.Output(BucketDomainOutput));
        }

        var site = new StaticSite(node.Stack, EmitNames.Pascal(app.Id));
        var bucket = node.Export(BucketNameOutput, site.Bucket.BucketName, $"Upload the app's files under {app.Path.TrimStart('/')}/ in this bucket");
        var domain = node.Export(BucketDomainOutput, site.Bucket.BucketRegionalDomainName, "Origin domain of the bucket");
        Bound(node, platform, environment, app);
        return new StaticAppOutputs(app, bucket, domain);
    }

    private static StackNode New(StackGraph graph, ResolvedEnvironment environment, ResolvedApp app)
    {
        var node = graph.Add(EmitNames.AppStack(environment, app.Id), environment.Region, $"App {app.Id} of team {app.Team}", inputs: StackInputs.App(app));
        if (node.Replayed is null)
        {
            Tags.Of(node.Stack).Add("trilho:app", app.Id);
            Tags.Of(node.Stack).Add("trilho:team", app.Team);
        }

        return node;
    }

    // The team's execution role may create only roles that carry its team's boundary (docs/security.md).
    private static void Bound(StackNode node, ResolvedPlatform platform, ResolvedEnvironment environment, ResolvedApp app)
    {
        if (platform.Delivery is not null)
        {
            Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(node.Stack).Apply(ManagedPolicy.FromManagedPolicyName(node.Stack, "TeamBoundary", DeliveryNames.TeamBoundary(environment, app.Team)));
        }
    }

    /// <summary>
    /// A release whose error rate or latency breaks the app's SLO in its first minutes rolls back by itself. The
    /// alarms live in the app stack (they must exist before the service deploys) under one construct the service
    /// depends on, because the service names them by literal name, which CloudFormation does not see as a dependency.
    /// </summary>
    private static void RollBackOnReleaseAlarms(Stack stack, ResolvedEnvironment environment, ResolvedApiApp api, ApiService service, string targetGroupFullName, string loadBalancerFullName)
    {
        var scope = new Construct(stack, "ReleaseAlarms");
        var names = ReleaseAlarms.Create(scope, environment, api, targetGroupFullName, loadBalancerFullName);
        service.Service.EnableDeploymentAlarms([.. names], new DeploymentAlarmOptions { Behavior = AlarmBehavior.ROLLBACK_ON_ALARM });
        service.Service.Node.AddDependency(scope);
    }
}

/// <summary>What a static app's stack exports: its bucket, for the edge and the delivery stacks.</summary>
internal sealed record StaticAppOutputs(ResolvedStaticApp App, StackOutput BucketName, StackOutput BucketRegionalDomainName);
