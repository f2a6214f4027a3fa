using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Plans the monitoring stacks (docs/monitoring.md, "Wiring"): edge first, in us-east-1, then the regional one,
/// which reads the edge stack's health check ids, then one per api app, which read the regional topic ARNs. Every parameter they declare takes an output of a stack deployed
/// before them; one without a producer is a bug in Trilho, so it fails synthesis instead of reaching a deploy.
/// </summary>
internal static class MonitoringWiring
{
    /// <summary>The stacks in deploy order, each parameter recorded with its source from <paramref name="sources"/> (parameter name to producing output).</summary>
    public static IReadOnlyList<PlannedStack> Plan(MonitoringStacks stacks, ResolvedEnvironment environment, IReadOnlyDictionary<string, ParameterValue> sources)
    {
        var edge = PlannedStack.Adopt(stacks.Edge.Stack, stacks.Edge.Region, environment.Account);
        Record(edge, stacks.Edge, sources);

        // The regional stack also reads the edge monitoring stack's own outputs: one health check id per app.
        var regionalSources = new Dictionary<string, ParameterValue>(sources, StringComparer.Ordinal);
        foreach (var app in environment.Apps)
        {
            regionalSources[MonitoringNames.HealthCheckId(app.Id)] = edge.OutputOf(MonitoringNames.HealthCheckId(app.Id));
        }

        var regional = PlannedStack.Adopt(stacks.Regional.Stack, stacks.Regional.Region, environment.Account);
        Record(regional, stacks.Regional, regionalSources);

        var appSources = new Dictionary<string, ParameterValue>(sources, StringComparer.Ordinal);
        foreach (var team in environment.Teams)
        {
            appSources[MonitoringNames.TopicArn(team.Id)] = regional.OutputOf(MonitoringNames.TopicArn(team.Id));
        }

        var planned = new List<PlannedStack> { edge, regional };
        foreach (var info in stacks.Apps)
        {
            var app = PlannedStack.Adopt(info.Stack, info.Region, environment.Account);
            Record(app, info, appSources);
            planned.Add(app);
        }

        return planned;
    }

    private static void Record(PlannedStack planned, MonitoringStackInfo info, IReadOnlyDictionary<string, ParameterValue> sources)
    {
        foreach (var parameter in info.Parameters)
        {
            var source = sources.GetValueOrDefault(parameter.Name)
                ?? throw new InvalidOperationException($"monitoring parameter {parameter.Name} of {planned.StackName} has no producing stack output");
            planned.Record(parameter.Name, source);
        }
    }
}
