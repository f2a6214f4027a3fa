using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Entry point: adds an environment's monitoring stacks to its stack graph.</summary>
public static class MonitoringEmitter
{
    /// <summary>
    /// Adds the edge (<see cref="Regions.Global"/>) and regional monitoring stacks, plus per app an edge one and per api
    /// app a regional one, of <paramref name="environment"/> to <paramref name="graph"/>. Values of other stacks come from
    /// <paramref name="inputs"/>; the app stacks import the team topics of their region's shared monitoring stack, the
    /// regional stack imports each app's health check (docs/monitoring.md, "Wiring").
    /// </summary>
    public static MonitoringStacks Add(StackGraph graph, ResolvedEnvironment environment, MonitoringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(inputs);
        var texts = MonitoringTexts.For(environment.Locale);
        var descriptions = new AlarmDescriptions(texts);

        var edge = NewStack(graph, environment, MonitoringNames.EdgeStack(environment), Regions.Global, $"alert routing in {Regions.Global}", StackInputs.Environment);
        var edgeTopics = edge.Replayed is null
            ? new TeamTopics(edge.Stack, environment, AlarmRouting.EdgeRecipients(environment), edge: true).Export(edge)
            : TeamTopics.Exported(edge, AlarmRouting.EdgeRecipients(environment));

        // The regional topics come first: the api apps' stacks import them, and the regional stack imports their alarms'
        // names. Its operations dashboard shows every app's objectives; the team dashboards also their scale and more.
        var regionalInputs = environment.TeamDashboards ? StackInputs.EnvironmentAndAllApps : StackInputs.EnvironmentAnd(nameof(ResolvedApp.Slo));
        var regional = NewStack(graph, environment, MonitoringNames.RegionalStack(environment), environment.Region, "alert routing, database alarms and dashboards", regionalInputs);
        var regionalTopics = regional.Replayed is null ? new TeamTopics(regional.Stack, environment, AlarmRouting.RegionalRecipients(environment), edge: false) : null;
        var regionalTopicArns = regionalTopics?.Export(regional) ?? TeamTopics.Exported(regional, AlarmRouting.RegionalRecipients(environment));

        var edgeApps = new List<EdgeAppMonitoring>();
        foreach (var resolved in environment.Apps)
        {
            var node = NewStack(graph, environment, MonitoringNames.EdgeAppStack(environment, resolved.Id), Regions.Global, $"health check and {Regions.Global} alarms of app {resolved.Id}", StackInputs.App(resolved));
            edgeApps.Add(EdgeAppMonitoring.Add(node, environment, resolved, descriptions, edgeTopics, inputs.DistributionDomainName));
        }

        var apiApps = new List<ApiAppMonitoring>();
        if (inputs.Apis is { } apis)
        {
            foreach (var api in apis.Apps)
            {
                var node = NewStack(graph, environment, MonitoringNames.AppStack(environment, api.App.Id), environment.Region, $"alarms of app {api.App.Id}", StackInputs.App(api.App));
                apiApps.Add(ApiAppMonitoring.Add(node, environment, api, apis, descriptions, regionalTopicArns));
            }
        }

        // A replayed regional stack has its alarms and dashboards already: only a built one gets them now.
        if (regionalTopics is not null)
        {
            var monitoring = StageTrace.Time($"{environment.Name}: monitoring regional", () => new RegionalMonitoring(regional, environment, descriptions, regionalTopics, inputs, edgeApps, apiApps));
            StageTrace.Time($"{environment.Name}: operations dashboard", () => OperationsDashboard.Create(regional.Stack, environment, texts, monitoring));
            if (environment.TeamDashboards)
            {
                StageTrace.Time($"{environment.Name}: technical dashboards", () => TechnicalDashboard.CreateAll(regional.Stack, environment, texts, monitoring));
            }
        }

        return new MonitoringStacks(regional, edge, apiApps.Select(a => a.Node).ToList(), edgeApps.Select(a => a.Node).ToList());
    }

    // The account is literal in monitoring templates (e.g. the topic key's root principal): they look nothing up.
    private static StackNode NewStack(StackGraph graph, ResolvedEnvironment environment, string name, string region, string what, StackInputs inputs) =>
        graph.Add(name, region, $"monitoring, {what}.", literalAccount: true, inputs);
}
