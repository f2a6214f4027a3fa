using Amazon.CDK;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The regional alarms of one api app, in its own stack so every stack stays the same size whatever the number of
/// apps: burn-rate, latency, target, task and saturation alarms notifying the owner, and the
/// <c>&lt;App&gt;CustomersAffected</c> composite notifying the watchers. Topics come from the regional monitoring stack.
/// </summary>
internal sealed class ApiAppMonitoring
{
    private ApiAppMonitoring(StackNode node, ResolvedEnvironment environment, MonitoredApiApp api)
    {
        Node = node;
        App = api.App;
        Inputs = api;
        OwnerAlarmNames = node.Values;
        CustomersAffected = CustomersAffectedName(environment, api.App);
    }

    private ApiAppMonitoring(StackNode node, ResolvedEnvironment environment, MonitoredApiApp api, MonitoredApis apis, AlarmDescriptions descriptions, IReadOnlyDictionary<string, StackOutput> topicArns)
    {
        Node = node;
        var stack = node.Stack;
        var app = api.App;
        App = app;
        Inputs = api;
        var texts = descriptions.Texts;
        var metrics = new ApiAppMetrics(
            node.Import(MonitoringNames.LoadBalancerFullName, apis.LoadBalancerFullName, minLength: 1),
            node.Import(MonitoringNames.TargetGroupFullName(app.Id), api.TargetGroupFullName, minLength: 1),
            node.Import(MonitoringNames.ClusterName, apis.ClusterName, minLength: 1),
            node.Import(MonitoringNames.ServiceName(app.Id), api.ServiceName, minLength: 1));
        var owner = AlarmRouting.Owner(environment, app);
        var watchers = AlarmRouting.Watchers(environment);
        var topics = TeamTopics.Import(node, topicArns, [owner, .. watchers]);

        var ownerAlarms = OwnerAlarms(stack, environment, app, metrics, descriptions, owner);
        foreach (var alarm in ownerAlarms)
        {
            topics.Notify(alarm.Alarm, [owner]);
        }

        var contact = descriptions.Contact(owner);
        CustomersAffected = CustomersAffectedName(environment, app);
        var composite = AlarmFactory.AnyOf(
            stack,
            MonitoringNames.Pascal(app.Id) + "CustomersAffected",
            CustomersAffected,
            descriptions.Describe(
                texts.Get(TextKey.CustomersAffectedWhat, app.Id),
                texts.Get(TextKey.CustomersAffectedImpact),
                contact,
                texts.Get(TextKey.CustomersAffectedStep, contact)),
            ownerAlarms.Take(3).Select(a => a.Alarm));
        topics.Notify(composite, watchers);

        OwnerAlarmNames = ownerAlarms.Select(a => a.Name).ToList();
        node.Remember(OwnerAlarmNames);
    }

    /// <summary>
    /// Builds everything in <paramref name="node"/>'s stack, importing the metrics' dimensions and <paramref name="topicArns"/>
    /// (by team id); or, when the stack was replayed from the cache, reads the alarm names it stored.
    /// </summary>
    public static ApiAppMonitoring Add(StackNode node, ResolvedEnvironment environment, MonitoredApiApp api, MonitoredApis apis, AlarmDescriptions descriptions, IReadOnlyDictionary<string, StackOutput> topicArns)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Replayed is null
            ? new ApiAppMonitoring(node, environment, api, apis, descriptions, topicArns)
            : new ApiAppMonitoring(node, environment, api);
    }

    /// <summary>The stack.</summary>
    public StackNode Node { get; }

    /// <summary>The app and its metrics' dimensions, which the regional stack imports too.</summary>
    public MonitoredApiApp Inputs { get; }

    /// <summary>The app.</summary>
    public ResolvedApiApp App { get; }

    /// <summary>Names of the alarms its owner receives, in creation order.</summary>
    public IReadOnlyList<string> OwnerAlarmNames { get; }

    /// <summary>Name of its regional "customers affected" composite.</summary>
    public string CustomersAffected { get; }

    private static string CustomersAffectedName(ResolvedEnvironment environment, ResolvedApp app) =>
        MonitoringNames.Alarm(environment, app.Id, "CustomersAffected");

    // The first three are what customers feel (fast burn, slow burn, latency): the composite combines only those.
    private static List<NamedAlarm> OwnerAlarms(Stack stack, ResolvedEnvironment environment, ResolvedApiApp app, ApiAppMetrics metrics, AlarmDescriptions descriptions, ResolvedTeam owner)
    {
        var texts = descriptions.Texts;
        var contact = descriptions.Contact(owner);
        var pascal = MonitoringNames.Pascal(app.Id);
        var alarms = BurnRateAlarms.Create(stack, environment, app, p => metrics.ErrorPercent(p), descriptions, edge: false).ToList();
        var latencyMs = app.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
        NamedAlarm Add(string kind, Func<string, AlarmResource> create)
        {
            var name = MonitoringNames.Alarm(environment, app.Id, kind);
            return new NamedAlarm(create(name), name);
        }

        alarms.Add(Add("LatencyHigh", name => AlarmFactory.Above(
            stack, pascal + "LatencyHigh", name,
            descriptions.Describe(texts.Get(TextKey.LatencyWhat, app.Id, latencyMs), texts.Get(TextKey.LatencyImpact), contact, texts.Get(TextKey.LatencyStep)),
            metrics.Latency("p95", TimeSpan.FromMinutes(5)), latencyMs / 1000.0, periods: 3)));
        alarms.Add(Add("UnhealthyTargets", name => AlarmFactory.Above(
            stack, pascal + "UnhealthyTargets", name,
            descriptions.Describe(texts.Get(TextKey.UnhealthyWhat, app.Id), texts.Get(TextKey.UnhealthyImpact), contact, texts.Get(TextKey.UnhealthyStep)),
            metrics.UnhealthyTargets(TimeSpan.FromMinutes(1)), 0, periods: 5)));
        alarms.Add(Add("TasksBelowMinimum", name => AlarmFactory.Below(
            stack, pascal + "TasksBelowMinimum", name,
            descriptions.Describe(texts.Get(TextKey.TasksBelowMinimumWhat, app.Id, app.Scale.Min), texts.Get(TextKey.TasksBelowMinimumImpact), contact, texts.Get(TextKey.TasksBelowMinimumStep)),
            metrics.HealthyTargets(TimeSpan.FromMinutes(1)), app.Scale.Min, periods: 5)));
        alarms.Add(Add("CpuHigh", name => AlarmFactory.Above(
            stack, pascal + "CpuHigh", name,
            descriptions.Describe(texts.Get(TextKey.CpuWhat, app.Id, 90), texts.Get(TextKey.SaturationImpact), contact, texts.Get(TextKey.SaturationStep, app.Scale.Max)),
            metrics.Cpu(TimeSpan.FromMinutes(5)), 90, periods: 3)));
        alarms.Add(Add("MemoryHigh", name => AlarmFactory.Above(
            stack, pascal + "MemoryHigh", name,
            descriptions.Describe(texts.Get(TextKey.MemoryWhat, app.Id, 90), texts.Get(TextKey.SaturationImpact), contact, texts.Get(TextKey.SaturationStep, app.Scale.Max)),
            metrics.Memory(TimeSpan.FromMinutes(5)), 90, periods: 3)));
        return alarms;
    }
}
