using Amazon.CDK;
using Constructs;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Entry point: adds an environment's monitoring stacks to the synthesis app.</summary>
public static class MonitoringEmitter
{
    /// <summary>
    /// Adds the edge (us-east-1) and regional monitoring stacks, plus per app an edge one and per api app a regional one, of <paramref name="environment"/> under
    /// <paramref name="app"/>. Each stack has its own <see cref="BootstraplessSynthesizer"/> and takes every value
    /// from other stacks as a parameter, listed in the result for the deploy plan.
    /// </summary>
    public static MonitoringStacks Add(Construct app, ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(environment);
        var texts = MonitoringTexts.For(environment.Locale);
        var descriptions = new AlarmDescriptions(texts);

        var edgeStack = NewStack(app, environment, MonitoringNames.EdgeStack(environment), MonitoringNames.EdgeRegion, "alert routing in us-east-1");
        new TeamTopics(edgeStack, environment, AlarmRouting.EdgeRecipients(environment), edge: true).Export(edgeStack);
        var edgeApps = new List<EdgeAppMonitoring>();
        var edgeAppStacks = new List<MonitoringStackInfo>();
        foreach (var resolved in environment.Apps)
        {
            var stack = NewStack(app, environment, MonitoringNames.EdgeAppStack(environment, resolved.Id), MonitoringNames.EdgeRegion, $"health check and us-east-1 alarms of app {resolved.Id}");
            var monitoring = new EdgeAppMonitoring(stack, environment, resolved, descriptions);
            edgeApps.Add(monitoring);
            edgeAppStacks.Add(new MonitoringStackInfo(stack, MonitoringNames.EdgeRegion, monitoring.Parameters));
        }


        var apiApps = new List<ApiAppMonitoring>();
        var appStacks = new List<MonitoringStackInfo>();
        foreach (var api in environment.Apps.OfType<ResolvedApiApp>())
        {
            var stack = NewStack(app, environment, MonitoringNames.AppStack(environment, api.Id), environment.Region, $"alarms of app {api.Id}");
            var monitoring = new ApiAppMonitoring(stack, environment, api, descriptions);
            apiApps.Add(monitoring);
            appStacks.Add(new MonitoringStackInfo(stack, environment.Region, monitoring.Parameters));
        }

        var regionalStack = NewStack(app, environment, MonitoringNames.RegionalStack(environment), environment.Region, "alert routing, database alarms and dashboards");
        var regional = StageTrace.Time($"{environment.Name}: monitoring regional", () => new RegionalMonitoring(regionalStack, environment, descriptions, edgeApps, apiApps));
        StageTrace.Time($"{environment.Name}: operations dashboard", () => OperationsDashboard.Create(regionalStack, environment, texts, regional));
        StageTrace.Time($"{environment.Name}: technical dashboards", () => TechnicalDashboard.CreateAll(regionalStack, environment, texts, regional));

        return new MonitoringStacks(
            new MonitoringStackInfo(regionalStack, environment.Region, regional.Parameters),
            new MonitoringStackInfo(edgeStack, MonitoringNames.EdgeRegion, []),
            appStacks,
            edgeAppStacks);
    }

    private static Stack NewStack(Construct app, ResolvedEnvironment environment, string name, string region, string what) =>
        new(app, name, new StackProps
        {
            StackName = name,
            Description = $"Trilho {environment.StackPrefix}: monitoring, {what}.",
            Env = new Amazon.CDK.Environment { Account = environment.Account, Region = region },
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            AnalyticsReporting = false,
        });
}
