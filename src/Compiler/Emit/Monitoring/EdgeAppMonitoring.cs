using Amazon.CDK;
using Amazon.CDK.AWS.Route53;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The us-east-1 part of one app, in its own stack so the edge monitoring stays the same size whatever the number of
/// apps: a Route 53 HTTPS health check on its public URL and an alarm on it; for a static app burn-rate alarms on
/// the 5xx share at its own path and a files-missing alarm on the 404 share there, both from the edge access logs'
/// metric filters (the distribution's own metrics count every app behind it: ADR 0011); an
/// <c>&lt;App&gt;CustomersAffected</c> composite of those. Topics come from the edge monitoring stack.
/// </summary>
internal sealed class EdgeAppMonitoring
{
    private EdgeAppMonitoring(StackNode node, ResolvedEnvironment environment, ResolvedApp app)
    {
        Node = node;
        App = app;
        HealthCheckId = node.Output(MonitoringNames.HealthCheckId(app.Id));
        OwnerAlarmNames = node.Values;
        CustomersAffected = CustomersAffectedName(environment, app);
    }

    private EdgeAppMonitoring(StackNode node, ResolvedEnvironment environment, ResolvedApp app, AlarmDescriptions descriptions, IReadOnlyDictionary<string, StackOutput> topicArns, StackOutput distributionDomainName)
    {
        Node = node;
        var stack = node.Stack;
        App = app;
        var texts = descriptions.Texts;
        var publicHost = EmitNames.PublicHost(environment)
            ?? node.Import(MonitoringNames.PublicHostName, distributionDomainName, minLength: 1);
        var staticMetrics = app is ResolvedStaticApp ? StaticPathMetrics.For(environment, app) : null;
        var owner = AlarmRouting.Owner(environment, app);
        var watchers = AlarmRouting.Watchers(environment);
        var topics = TeamTopics.Import(node, topicArns, [owner, .. watchers]);

        var pascal = MonitoringNames.Pascal(app.Id);
        var contact = descriptions.Contact(owner);
        var url = $"https://{publicHost}{CheckPath(app)}";
        var healthCheck = new CfnHealthCheck(stack, pascal + "HealthCheck", new CfnHealthCheckProps
        {
            HealthCheckConfig = new CfnHealthCheck.HealthCheckConfigProperty
            {
                Type = "HTTPS",
                FullyQualifiedDomainName = publicHost,
                Port = 443,
                ResourcePath = CheckPath(app),
                EnableSni = true,
                RequestInterval = 30,
                FailureThreshold = 3,
            },
            HealthCheckTags = new object[] { new CfnHealthCheck.HealthCheckTagProperty { Key = "Name", Value = $"{environment.StackPrefix}-{app.Id}" } },
        });
        HealthCheckId = node.Export(MonitoringNames.HealthCheckId(app.Id), healthCheck.AttrHealthCheckId, $"Route 53 health check of {app.Id}");

        var checkName = MonitoringNames.Alarm(environment, app.Id, "ExternalCheckFailed", edge: true);

        // A static app's path has no files between its first deploy and its team's first upload: the check fails and
        // this alarm fires. It is kept (customers really get an error there) and says so (ADR 0011).
        var checkWhat = texts.Get(TextKey.ExternalCheckWhat, app.Id, url);
        if (app is ResolvedStaticApp)
        {
            checkWhat += " " + texts.Get(TextKey.ExternalCheckBeforeFirstUpload);
        }

        var check = AlarmFactory.Below(
            stack,
            pascal + "ExternalCheckFailed",
            checkName,
            descriptions.Describe(
                checkWhat,
                texts.Get(TextKey.ExternalCheckImpact),
                contact,
                texts.Get(TextKey.ExternalCheckStep, url)),
            new MetricSpec("AWS/Route53", "HealthCheckStatus", [new("HealthCheckId", healthCheck.AttrHealthCheckId)], "Minimum", TimeSpan.FromMinutes(1)),
            1,
            periods: 3);
        var ownerAlarms = new List<NamedAlarm> { new(check, checkName) };
        if (staticMetrics is not null)
        {
            ownerAlarms.AddRange(BurnRateAlarms.Create(stack, environment, app, p => staticMetrics.ErrorPercent(p), descriptions, edge: true));
            var missingName = MonitoringNames.Alarm(environment, app.Id, "FilesMissing", edge: true);
            var minutes = (int)StaticPathMetrics.NotFoundPeriod.TotalMinutes * StaticPathMetrics.NotFoundPeriods;
            var missing = AlarmFactory.Above(
                stack,
                pascal + "FilesMissing",
                missingName,
                descriptions.Describe(
                    texts.Get(TextKey.FilesMissingWhat, app.Id, texts.Number(StaticPathMetrics.NotFoundPercentThreshold), app.Path, minutes),
                    texts.Get(TextKey.FilesMissingImpact),
                    contact,
                    texts.Get(TextKey.FilesMissingStep, app.Path.TrimStart('/'))),
                staticMetrics.NotFoundPercent(StaticPathMetrics.NotFoundPeriod),
                StaticPathMetrics.NotFoundPercentThreshold,
                periods: StaticPathMetrics.NotFoundPeriods);
            ownerAlarms.Add(new(missing, missingName));
        }

        foreach (var alarm in ownerAlarms)
        {
            topics.Notify(alarm.Alarm, [owner]);
        }

        CustomersAffected = CustomersAffectedName(environment, app);
        var composite = AlarmFactory.AnyOf(
            stack,
            pascal + "CustomersAffected",
            CustomersAffected,
            descriptions.Describe(
                texts.Get(staticMetrics is null ? TextKey.CustomersAffectedCheckWhat : TextKey.CustomersAffectedEdgeWhat, app.Id),
                texts.Get(TextKey.CustomersAffectedImpact),
                contact,
                texts.Get(TextKey.CustomersAffectedStep, contact)),
            ownerAlarms.Select(a => a.Alarm));
        topics.Notify(composite, watchers);

        OwnerAlarmNames = ownerAlarms.Select(a => a.Name).ToList();
        node.Remember(OwnerAlarmNames);
    }

    /// <summary>
    /// Builds everything in <paramref name="node"/>'s stack, importing <paramref name="topicArns"/> (by team id) and, when
    /// platform.yaml has no domain, the distribution's own name as the checked host; or, when the stack was replayed
    /// from the cache, reads what it exports and the alarm names it stored.
    /// </summary>
    public static EdgeAppMonitoring Add(StackNode node, ResolvedEnvironment environment, ResolvedApp app, AlarmDescriptions descriptions, IReadOnlyDictionary<string, StackOutput> topicArns, StackOutput distributionDomainName)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Replayed is null
            ? new EdgeAppMonitoring(node, environment, app, descriptions, topicArns, distributionDomainName)
            : new EdgeAppMonitoring(node, environment, app);
    }

    /// <summary>The stack.</summary>
    public StackNode Node { get; }

    /// <summary>Id of the app's Route 53 health check, which the regional stack's dashboards import.</summary>
    public StackOutput HealthCheckId { get; }

    /// <summary>The app.</summary>
    public ResolvedApp App { get; }

    /// <summary>Names of the edge alarms its owner receives, in creation order.</summary>
    public IReadOnlyList<string> OwnerAlarmNames { get; }

    /// <summary>Name of its edge "customers affected" composite.</summary>
    public string CustomersAffected { get; }

    private static string CustomersAffectedName(ResolvedEnvironment environment, ResolvedApp app) =>
        MonitoringNames.Alarm(environment, app.Id, "CustomersAffected", edge: true);

    /// <summary>
    /// The path the external check requests: an api app's health check path; for a static app its
    /// <c>index.html</c>, because CloudFront's default root object applies only to <c>/</c> and S3 behind
    /// Origin Access Control answers 403 for a bare prefix.
    /// </summary>
    public static string CheckPath(ResolvedApp app) => app switch
    {
        ResolvedApiApp api => api.HealthCheck,
        _ => app.Path.TrimEnd('/') + "/index.html",
    };
}
