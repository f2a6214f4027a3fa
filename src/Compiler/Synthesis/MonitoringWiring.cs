using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Plans the monitoring stacks (docs/monitoring.md, "Wiring"): in us-east-1 the edge stack, then one per app, which
/// read its topic ARNs; then the regional one, which reads their health check ids; then one per api app, which read
/// the regional topic ARNs. Every parameter they declare takes an output of a stack deployed
/// before them; one without a producer is a bug in Trilho, so it fails synthesis instead of reaching a deploy.
/// </summary>
internal static class MonitoringWiring
{
    /// <summary>The stacks in deploy order, each parameter recorded with its source from <paramref name="sources"/> (parameter name to producing output).</summary>
    public static IReadOnlyList<PlannedStack> Plan(MonitoringStacks stacks, ResolvedEnvironment environment, IReadOnlyDictionary<string, ParameterValue> sources)
    {
        var edge = PlannedStack.Adopt(stacks.Edge.Stack, stacks.Edge.Region, environment.Account);
        Record(edge, stacks.Edge, sources);
        var planned = new List<PlannedStack> { edge };
        var edgeApps = PlanApps(stacks.EdgeApps, environment, WithTopicsOf(edge, sources, environment), planned);

        // The regional stack also reads the edge app stacks' outputs: one health check id per app.
        var regionalSources = new Dictionary<string, ParameterValue>(sources, StringComparer.Ordinal);
        foreach (var (app, stack) in environment.Apps.Zip(edgeApps))
        {
            regionalSources[MonitoringNames.HealthCheckId(app.Id)] = stack.OutputOf(MonitoringNames.HealthCheckId(app.Id));
        }

        var regional = PlannedStack.Adopt(stacks.Regional.Stack, stacks.Regional.Region, environment.Account);
        Record(regional, stacks.Regional, regionalSources);
        planned.Add(regional);
        PlanApps(stacks.Apps, environment, WithTopicsOf(regional, sources, environment), planned);
        return planned;
    }

    // The app stacks of a region take the topic ARNs its shared monitoring stack outputs.
    private static Dictionary<string, ParameterValue> WithTopicsOf(PlannedStack shared, IReadOnlyDictionary<string, ParameterValue> sources, ResolvedEnvironment environment)
    {
        var withTopics = new Dictionary<string, ParameterValue>(sources, StringComparer.Ordinal);
        foreach (var team in environment.Teams)
        {
            withTopics[MonitoringNames.TopicArn(team.Id)] = shared.OutputOf(MonitoringNames.TopicArn(team.Id));
        }

        return withTopics;
    }

    private static List<PlannedStack> PlanApps(IReadOnlyList<MonitoringStackInfo> apps, ResolvedEnvironment environment, IReadOnlyDictionary<string, ParameterValue> sources, List<PlannedStack> planned)
    {
        var added = new List<PlannedStack>();
        foreach (var info in apps)
        {
            var app = PlannedStack.Adopt(info.Stack, info.Region, environment.Account);
            Record(app, info, sources);
            added.Add(app);
        }

        planned.AddRange(added);
        return added;
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
