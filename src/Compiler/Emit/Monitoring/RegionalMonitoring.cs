using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The part in the environment's region: per api app burn-rate, latency, target, task and saturation alarms and an
/// <c>&lt;App&gt;CustomersAffected</c> composite; database alarms; team topics. Collects what the dashboards show.
/// </summary>
internal sealed class RegionalMonitoring
{
    private readonly Dictionary<string, List<IAlarm>> teamAlarms = new(StringComparer.Ordinal);
    private readonly Stack stack;
    private readonly ResolvedEnvironment environment;

    /// <summary>Builds everything in <paramref name="stack"/>; <paramref name="edge"/> supplies the names of the us-east-1 alarms.</summary>
    public RegionalMonitoring(Stack stack, ResolvedEnvironment environment, AlarmDescriptions descriptions, EdgeMonitoring edge)
    {
        this.stack = stack;
        this.environment = environment;
        var texts = descriptions.Texts;
        var parameters = new StackParameters(stack);
        var api = environment.Apps.OfType<ResolvedApiApp>().ToList();
        var loadBalancer = api.Count > 0 ? parameters.Add(MonitoringNames.LoadBalancerFullName, "Full name (app/name/id) of the load balancer: output LoadBalancerFullName of the load balancer stack.") : null;
        var cluster = api.Count > 0 ? parameters.Add(MonitoringNames.ClusterName, "ECS cluster name: output ClusterName of the cluster stack.") : null;
        var distribution = environment.Apps.OfType<ResolvedStaticApp>().Any()
            ? parameters.Add(MonitoringNames.DistributionId, "CloudFront distribution id: output DistributionId of the edge (CloudFront) stack.")
            : null;
        var database = environment.Database is null
            ? null
            : new DatabaseMetrics(parameters.Add(MonitoringNames.DatabaseInstanceId, "RDS instance identifier: output DatabaseInstanceId of the database stack."));
        var topics = new TeamTopics(stack, environment, AlarmRouting.RegionalRecipients(environment), edge: false);
        var watchers = AlarmRouting.Watchers(environment);
        var views = new List<AppView>();

        foreach (var app in environment.Apps)
        {
            var pascal = MonitoringNames.Pascal(app.Id);
            var owner = AlarmRouting.Owner(environment, app);
            var healthCheckId = parameters.Add(
                MonitoringNames.HealthCheckId(app.Id),
                $"Route 53 health check of {app.Id}: output {MonitoringNames.HealthCheckId(app.Id)} of stack {MonitoringNames.EdgeStack(environment)}.");
            var lights = new List<IAlarm>();
            ApiAppMetrics? apiMetrics = null;
            if (app is ResolvedApiApp apiApp)
            {
                apiMetrics = new ApiAppMetrics(
                    loadBalancer!,
                    parameters.Add(MonitoringNames.TargetGroupFullName(app.Id), $"Full name (targetgroup/name/id) of the target group of {app.Id}: output {MonitoringNames.TargetGroupFullName(app.Id)} of its app stack."),
                    cluster,
                    parameters.Add(MonitoringNames.ServiceName(app.Id), $"ECS service name of {app.Id}: output {MonitoringNames.ServiceName(app.Id)} of its app stack."));
                var ownerAlarms = ApiAlarms(apiApp, apiMetrics, descriptions, owner);
                foreach (var alarm in ownerAlarms)
                {
                    topics.Notify(alarm, [owner]);
                    Remember(owner.Id, alarm);
                }

                var contact = descriptions.Contact(owner);
                var composite = AlarmFactory.AnyOf(
                    stack,
                    pascal + "CustomersAffected",
                    MonitoringNames.Alarm(environment, app.Id, "CustomersAffected"),
                    descriptions.Describe(
                        texts.Get(TextKey.CustomersAffectedWhat, app.Id),
                        texts.Get(TextKey.CustomersAffectedImpact),
                        contact,
                        texts.Get(TextKey.CustomersAffectedStep, contact)),
                    ownerAlarms.Take(3));
                topics.Notify(composite, watchers);
                lights.Add(composite);
            }

            lights.Add(CompositeAlarm.FromCompositeAlarmArn(stack, pascal + "EdgeCustomersAffectedRef", EdgeArn(edge.CustomersAffected[app.Id])));
            views.Add(new AppView(app, owner, lights, apiMetrics, distribution is null || app is not ResolvedStaticApp ? null : new StaticAppMetrics(distribution), healthCheckId));
        }

        if (database is not null)
        {
            foreach (var alarm in DatabaseAlarms(database, descriptions))
            {
                topics.Notify(alarm, AlarmRouting.DatabaseRecipients(environment));
                foreach (var team in AlarmRouting.DatabaseRecipients(environment))
                {
                    Remember(team.Id, alarm);
                }
            }
        }

        foreach (var (teamId, names) in edge.TeamAlarmNames)
        {
            foreach (var name in names)
            {
                Remember(teamId, Alarm.FromAlarmArn(stack, MonitoringNames.Pascal(name) + "Ref", EdgeArn(name)));
            }
        }

        Apps = views;
        Database = database;
        Parameters = parameters.Declared;
    }

    /// <summary>The apps as the dashboards show them, in platform.yaml id order.</summary>
    public IReadOnlyList<AppView> Apps { get; }

    /// <summary>Database metrics, or null without a database.</summary>
    public DatabaseMetrics? Database { get; }

    /// <summary>The parameters this stack takes.</summary>
    public IReadOnlyList<MonitoringParameter> Parameters { get; }

    /// <summary>Alarms a team receives as owner or database user, in both regions.</summary>
    public IReadOnlyList<IAlarm> AlarmsOf(string teamId) => teamAlarms.TryGetValue(teamId, out var alarms) ? alarms : [];

    // The first three are what customers feel (fast burn, slow burn, latency): the composite combines only those.
    private List<AlarmBase> ApiAlarms(ResolvedApiApp app, ApiAppMetrics metrics, AlarmDescriptions descriptions, ResolvedTeam owner)
    {
        var texts = descriptions.Texts;
        var contact = descriptions.Contact(owner);
        var pascal = MonitoringNames.Pascal(app.Id);
        var alarms = BurnRateAlarms.Create(stack, environment, app, p => metrics.ErrorPercent(p), descriptions, edge: false).Select(a => a.Alarm).ToList();
        var latencyMs = app.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
        alarms.Add(AlarmFactory.Above(
            stack, pascal + "LatencyHigh", MonitoringNames.Alarm(environment, app.Id, "LatencyHigh"),
            descriptions.Describe(texts.Get(TextKey.LatencyWhat, app.Id, latencyMs), texts.Get(TextKey.LatencyImpact), contact, texts.Get(TextKey.LatencyStep)),
            metrics.Latency("p95", Duration.Minutes(5)), latencyMs / 1000.0, periods: 3));
        alarms.Add(AlarmFactory.Above(
            stack, pascal + "UnhealthyTargets", MonitoringNames.Alarm(environment, app.Id, "UnhealthyTargets"),
            descriptions.Describe(texts.Get(TextKey.UnhealthyWhat, app.Id), texts.Get(TextKey.UnhealthyImpact), contact, texts.Get(TextKey.UnhealthyStep)),
            metrics.UnhealthyTargets(Duration.Minutes(1)), 0, periods: 5));
        alarms.Add(AlarmFactory.Below(
            stack, pascal + "TasksBelowMinimum", MonitoringNames.Alarm(environment, app.Id, "TasksBelowMinimum"),
            descriptions.Describe(texts.Get(TextKey.TasksBelowMinimumWhat, app.Id, app.Scale.Min), texts.Get(TextKey.TasksBelowMinimumImpact), contact, texts.Get(TextKey.TasksBelowMinimumStep)),
            metrics.HealthyTargets(Duration.Minutes(1)), app.Scale.Min, periods: 5));
        alarms.Add(AlarmFactory.Above(
            stack, pascal + "CpuHigh", MonitoringNames.Alarm(environment, app.Id, "CpuHigh"),
            descriptions.Describe(texts.Get(TextKey.CpuWhat, app.Id, 90), texts.Get(TextKey.SaturationImpact), contact, texts.Get(TextKey.SaturationStep, app.Scale.Max)),
            metrics.Cpu(Duration.Minutes(5)), 90, periods: 3));
        alarms.Add(AlarmFactory.Above(
            stack, pascal + "MemoryHigh", MonitoringNames.Alarm(environment, app.Id, "MemoryHigh"),
            descriptions.Describe(texts.Get(TextKey.MemoryWhat, app.Id, 90), texts.Get(TextKey.SaturationImpact), contact, texts.Get(TextKey.SaturationStep, app.Scale.Max)),
            metrics.Memory(Duration.Minutes(5)), 90, periods: 3));
        return alarms;
    }

    private List<AlarmBase> DatabaseAlarms(DatabaseMetrics metrics, AlarmDescriptions descriptions)
    {
        var texts = descriptions.Texts;
        var resolved = environment.Database!;
        var contacts = descriptions.Contacts(AlarmRouting.DatabaseRecipients(environment));
        var users = resolved.Access.Count > 0 ? string.Join(", ", resolved.Access) : "-";
        var impact = texts.Get(TextKey.DatabaseImpact, users);
        var storageGiB = Math.Max(1, resolved.StorageGiB / 10);
        var connections = (int)(DatabaseMetrics.MaxConnections(resolved.Size) * 0.8);
        var memoryMiB = DatabaseMetrics.MemoryMiB(resolved.Size) / 10;
        return
        [
            AlarmFactory.Above(
                stack, "DatabaseCpuHigh", MonitoringNames.DatabaseAlarm(environment, "DatabaseCpuHigh"),
                descriptions.Describe(texts.Get(TextKey.DatabaseCpuWhat, 80), impact, contacts, texts.Get(TextKey.DatabaseLoadStep)),
                metrics.Cpu(Duration.Minutes(5)), 80, periods: 3),
            AlarmFactory.Below(
                stack, "DatabaseStorageLow", MonitoringNames.DatabaseAlarm(environment, "DatabaseStorageLow"),
                descriptions.Describe(texts.Get(TextKey.DatabaseStorageWhat, storageGiB), impact, contacts, texts.Get(TextKey.DatabaseStorageStep)),
                metrics.FreeStorage(Duration.Minutes(5)), storageGiB * 1024.0 * 1024 * 1024),
            AlarmFactory.Above(
                stack, "DatabaseConnectionsHigh", MonitoringNames.DatabaseAlarm(environment, "DatabaseConnectionsHigh"),
                descriptions.Describe(texts.Get(TextKey.DatabaseConnectionsWhat, connections), impact, contacts, texts.Get(TextKey.DatabaseLoadStep)),
                metrics.Connections(Duration.Minutes(5)), connections, periods: 3),
            AlarmFactory.Below(
                stack, "DatabaseMemoryLow", MonitoringNames.DatabaseAlarm(environment, "DatabaseMemoryLow"),
                descriptions.Describe(texts.Get(TextKey.DatabaseMemoryWhat, memoryMiB), impact, contacts, texts.Get(TextKey.DatabaseMemoryStep)),
                metrics.FreeMemory(Duration.Minutes(5)), memoryMiB * 1024.0 * 1024, periods: 3),
        ];
    }

    // Built from the literal name: a reference to the other stack's construct would be a cross-region reference.
    private string EdgeArn(string alarmName) =>
        $"arn:{Aws.PARTITION}:cloudwatch:{MonitoringNames.EdgeRegion}:{environment.Account}:alarm:{alarmName}";

    private void Remember(string teamId, IAlarm alarm)
    {
        if (!teamAlarms.TryGetValue(teamId, out var alarms))
        {
            teamAlarms[teamId] = alarms = [];
        }

        alarms.Add(alarm);
    }
}
