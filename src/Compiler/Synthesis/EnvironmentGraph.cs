using Amazon.CDK;
using Trilho.Compiler.Emit.Delivery;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;
using Trilho.Compiler.Synthesis.Stacks;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// The stack graph of one environment (docs/decisions/0001-stack-split.md, 0015-stack-graph.md): each stack definition
/// takes the typed outputs it imports and returns the ones it exports, so this method reads as the wiring diagram.
/// The deploy order is not written here: <see cref="StackGraph.DeployOrder"/> derives it from the imports.
/// </summary>
internal static class EnvironmentGraph
{
    public static StackGraph Build(App app, ResolvedPlatform platform, ResolvedEnvironment environment, StackCache? cache, bool replay)
    {
        var graph = new StackGraph(app, environment, cache, replay);
        var global = GlobalStack.Add(graph, environment);
        var shared = SharedStack.Add(graph, environment);
        var apis = new List<MonitoredApiApp>();
        var statics = new List<StaticAppOutputs>();
        foreach (var resolved in environment.Apps)
        {
            if (resolved is ResolvedApiApp api)
            {
                var routes = shared?.Api ?? throw new InvalidOperationException("an api app without the shared stack's load balancer");
                apis.Add(AppStack.AddApi(graph, platform, environment, api, shared, routes));
            }
            else
            {
                statics.Add(AppStack.AddStatic(graph, platform, environment, (ResolvedStaticApp)resolved));
            }
        }

        var edge = EdgeStack.Add(graph, environment, global, shared?.Api, statics);
        EdgeLogsStack.Add(graph, environment, edge);
        var monitoredApis = shared?.Api is { } cluster ? new MonitoredApis(cluster.LoadBalancerFullName, cluster.ClusterName, apis) : null;
        StageTrace.Time(
            $"{environment.Name}: monitoring",
            () => MonitoringEmitter.Add(graph, environment, new MonitoringInputs(edge.DistributionDomainName, monitoredApis, shared?.Database?.InstanceId)));
        if (platform.Delivery is { } delivery)
        {
            // Each team boundary lets the team read the secrets its apps name: the stack reads every app's secrets.
            var node = graph.Add(DeliveryNames.Stack(environment), environment.Region, "GitHub OIDC provider and the deploy roles of the platform and of each team", inputs: StackInputs.EnvironmentAnd(nameof(ResolvedApiApp.Secrets)));
            node.RequiredCapabilities = [DeliveryStack.RequiredCapability];
            if (node.Replayed is null)
            {
                DeliveryStack.Add(node, platform, environment, delivery, new DeliveryInputs(edge.DistributionId, statics.Select(s => new DeliveredStaticApp(s.App, s.BucketName)).ToList()));
            }
        }

        graph.Complete();
        return graph;
    }
}
