using Amazon.CDK;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The shared part in the environment's region: team topics (their ARNs as outputs for the app monitoring stacks),
/// database alarms, and what the dashboards show. The api apps' alarms live in their own stacks
/// (<see cref="ApiAppMonitoring"/>); dashboards name them by ARN built from their literal names, so no stack
/// references another.
/// </summary>
internal sealed class RegionalMonitoring
{
    private readonly Dictionary<string, List<string>> teamAlarms = new(StringComparer.Ordinal);
    private readonly Stack stack;
    private readonly ResolvedEnvironment environment;
    private readonly string partition = Aws.PARTITION;

    /// <summary>
    /// Builds everything in <paramref name="node"/>'s stack, whose <paramref name="topics"/> exist already (the api apps'
    /// stacks import them); <paramref name="edgeApps"/> and <paramref name="apiApps"/> supply the names of the alarms in
    /// the other stacks and the health checks and dimensions the dashboards import.
    /// </summary>
    public RegionalMonitoring(StackNode node, ResolvedEnvironment environment, AlarmDescriptions descriptions, TeamTopics topics, MonitoringInputs inputs, IReadOnlyList<EdgeAppMonitoring> edgeApps, IReadOnlyList<ApiAppMonitoring> apiApps)
    {
        stack = node.Stack;
        this.environment = environment;
        var apis = inputs.Apis;
        var loadBalancer = apis is null ? null : node.Import(MonitoringNames.LoadBalancerFullName, apis.LoadBalancerFullName, minLength: 1);
        // ECS dimensions and the api apps' health checks appear only on the team dashboards: no unused parameters without them.
        var teamDashboards = environment.TeamDashboards;
        var cluster = apis is null || !teamDashboards ? null : node.Import(MonitoringNames.ClusterName, apis.ClusterName, minLength: 1);
        var database = inputs.DatabaseInstanceId is { } instance
            ? new DatabaseMetrics(node.Import(MonitoringNames.DatabaseInstanceId, instance, minLength: 1))
            : null;
        var views = new List<AppView>();

        foreach (var app in environment.Apps)
        {
            var owner = AlarmRouting.Owner(environment, app);
            var edgeApp = edgeApps.Single(a => a.App.Id == app.Id);
            var healthCheckId = teamDashboards || app is ResolvedStaticApp ? node.Import(MonitoringNames.HealthCheckId(app.Id), edgeApp.HealthCheckId, minLength: 1) : null;
            var lights = new List<string>();
            ApiAppMetrics? apiMetrics = null;
            if (apiApps.SingleOrDefault(a => a.App.Id == app.Id) is { } alarms)
            {
                apiMetrics = new ApiAppMetrics(
                    loadBalancer!,
                    node.Import(MonitoringNames.TargetGroupFullName(app.Id), alarms.Inputs.TargetGroupFullName, minLength: 1),
                    cluster,
                    teamDashboards ? node.Import(MonitoringNames.ServiceName(app.Id), alarms.Inputs.ServiceName, minLength: 1) : null);
                foreach (var name in alarms.OwnerAlarmNames)
                {
                    Remember(owner.Id, Arn(environment.Region, name));
                }

                lights.Add(Arn(environment.Region, alarms.CustomersAffected));
            }

            lights.Add(Arn(Regions.Global, edgeApp.CustomersAffected));
            views.Add(new AppView(app, owner, lights, apiMetrics, app is ResolvedStaticApp ? StaticPathMetrics.For(environment, app) : null, healthCheckId));
        }

        if (database is not null)
        {
            foreach (var alarm in DatabaseAlarms(database, descriptions))
            {
                topics.Notify(alarm, AlarmRouting.DatabaseRecipients(environment));
                foreach (var team in AlarmRouting.DatabaseRecipients(environment))
                {
                    Remember(team.Id, alarm.AlarmArn);
                }
            }
        }

        foreach (var owned in edgeApps.GroupBy(a => a.App.Team, StringComparer.Ordinal))
        {
            foreach (var name in owned.SelectMany(a => a.OwnerAlarmNames))
            {
                Remember(owned.Key, Arn(MonitoringNames.EdgeRegion, name));
            }
        }

        Apps = views;
        Database = database;
    }

    /// <summary>The apps as the dashboards show them, in platform.yaml id order.</summary>
    public IReadOnlyList<AppView> Apps { get; }

    /// <summary>Database metrics, or null without a database.</summary>
    public DatabaseMetrics? Database { get; }

    /// <summary>ARNs of the alarms a team receives as owner or database user, in both regions.</summary>
    public IReadOnlyList<string> AlarmsOf(string teamId) => teamAlarms.TryGetValue(teamId, out var alarms) ? alarms : [];

    private List<AlarmResource> DatabaseAlarms(DatabaseMetrics metrics, AlarmDescriptions descriptions)
    {
        var texts = descriptions.Texts;
        var resolved = environment.Database!;
        var contacts = descriptions.Contacts(AlarmRouting.DatabaseRecipients(environment));
        var users = resolved.Access.Count > 0 ? string.Join(", ", resolved.Access) : "-";
        var impact = texts.Get(TextKey.DatabaseImpact, users);
        // Storage autoscaling grows the disk when free space is 10% of the allocated storage or less for 5 minutes, so
        // low free space alone is routine. Page when it stays under 10% of the smallest the disk can be (the initial
        // allocation, a quarter of the maximum) for 30 minutes: autoscaling did not help, so the disk reached its
        // maximum or grew less than 6 hours ago (its cooldown), and only people can make room. See ADR 0011.
        var storageGiB = Math.Max(1, resolved.StorageGiB / 10.0);
        var maxStorageGiB = Trilho.Compiler.Emit.Database.MaxStorageGiB(resolved);
        var connections = (int)(DatabaseMetrics.MaxConnections(resolved.Size) * 0.8);
        var memoryMiB = DatabaseMetrics.MemoryMiB(resolved.Size) / 10;
        return
        [
            AlarmFactory.Above(
                stack, "DatabaseCpuHigh", MonitoringNames.DatabaseAlarm(environment, "DatabaseCpuHigh"),
                descriptions.Describe(texts.Get(TextKey.DatabaseCpuWhat, 80), impact, contacts, texts.Get(TextKey.DatabaseLoadStep)),
                metrics.Cpu(TimeSpan.FromMinutes(5)), 80, periods: 3),
            AlarmFactory.Below(
                stack, "DatabaseStorageLow", MonitoringNames.DatabaseAlarm(environment, "DatabaseStorageLow"),
                descriptions.Describe(texts.Get(TextKey.DatabaseStorageWhat, texts.Number(storageGiB), maxStorageGiB), impact, contacts, texts.Get(TextKey.DatabaseStorageStep, maxStorageGiB, Trilho.Compiler.Emit.Database.MaxStorageFactor)),
                metrics.FreeStorage(TimeSpan.FromMinutes(5)), storageGiB * 1024 * 1024 * 1024, periods: 6),
            AlarmFactory.Above(
                stack, "DatabaseConnectionsHigh", MonitoringNames.DatabaseAlarm(environment, "DatabaseConnectionsHigh"),
                descriptions.Describe(texts.Get(TextKey.DatabaseConnectionsWhat, connections), impact, contacts, texts.Get(TextKey.DatabaseLoadStep)),
                metrics.Connections(TimeSpan.FromMinutes(5)), connections, periods: 3),
            AlarmFactory.Below(
                stack, "DatabaseMemoryLow", MonitoringNames.DatabaseAlarm(environment, "DatabaseMemoryLow"),
                descriptions.Describe(texts.Get(TextKey.DatabaseMemoryWhat, memoryMiB), impact, contacts, texts.Get(TextKey.DatabaseMemoryStep)),
                metrics.FreeMemory(TimeSpan.FromMinutes(5)), memoryMiB * 1024.0 * 1024, periods: 3),
        ];
    }

    // Built from the literal name: a reference to the other stack's construct would be a cross-stack (or cross-region) reference.
    private string Arn(string region, string alarmName) =>
        $"arn:{partition}:cloudwatch:{region}:{environment.Account}:alarm:{alarmName}";

    private void Remember(string teamId, string alarmArn)
    {
        if (!teamAlarms.TryGetValue(teamId, out var alarms))
        {
            teamAlarms[teamId] = alarms = [];
        }

        alarms.Add(alarmArn);
    }
}
