using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>A team's technical dashboard: its alarms, per app detailed metrics, and the database when its apps use it.</summary>
internal static class TechnicalDashboard
{
    /// <summary>Creates one dashboard per team that owns an app or receives database alarms.</summary>
    public static IReadOnlyList<CfnDashboard> CreateAll(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring)
    {
        var databaseTeams = environment.Database is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : AlarmRouting.DatabaseRecipients(environment).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var widgets = new DashboardWidgets(environment.Region);
        var dashboards = new List<CfnDashboard>();
        foreach (var team in environment.Teams)
        {
            var apps = monitoring.Apps.Where(a => a.Owner.Id == team.Id).ToList();
            var database = databaseTeams.Contains(team.Id) ? monitoring.Database : null;
            if (apps.Count == 0 && database is null)
            {
                continue;
            }

            dashboards.Add(Create(stack, environment, texts, monitoring, team, apps, database, widgets));
        }

        return dashboards;
    }

    private static CfnDashboard Create(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring, ResolvedTeam team, List<AppView> apps, DatabaseMetrics? database, DashboardWidgets widgets)
    {
        var body = new DashboardBody();
        body.AddRow(DashboardWidgets.Text(texts.Get(TextKey.TechnicalTitle, team.Name), 24, 1));
        var alarms = monitoring.AlarmsOf(team.Id);
        if (alarms.Count > 0)
        {
            body.AddRow(DashboardWidgets.Alarms(texts.Get(TextKey.TeamAlarmsTitle), alarms, 24, 4));
        }

        var period = TimeSpan.FromMinutes(5);
        foreach (var app in apps)
        {
            var id = app.App.Id;
            var external = widgets.Graph(texts.Get(TextKey.ExternalCheckTitle, id), MonitoringNames.EdgeRegion, [ExternalCheck(app, texts)]);
            if (app.Api is { } api)
            {
                var scale = ((ResolvedApiApp)app.App).Scale;
                var latencyMs = app.App.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
                var minute = TimeSpan.FromMinutes(1);
                body.AddRow(
                    widgets.Graph(texts.Get(TextKey.ErrorRateTitle, id), null, [api.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel))], BurnLines(app, texts)),
                    widgets.Graph(
                        texts.Get(TextKey.LatencyTitle, id),
                        null,
                        [api.Latency("p50", period, "p50"), api.Latency("p95", period, "p95"), api.Latency("p99", period, "p99")],
                        [new HorizontalLine(latencyMs / 1000.0, HorizontalLine.Red, texts.Get(TextKey.LatencyTargetLabel, latencyMs))]),
                    widgets.Graph(
                        texts.Get(TextKey.TasksTitle, id),
                        null,
                        [api.HealthyTargets(minute, texts.Get(TextKey.HealthyLabel)), api.UnhealthyTargets(minute, texts.Get(TextKey.UnhealthyLabel))],
                        [new HorizontalLine(scale.Min, HorizontalLine.Orange, "scale.min")]),
                    widgets.Graph(texts.Get(TextKey.SaturationTitle, id), null, [api.Cpu(period, texts.Get(TextKey.CpuLabel)), api.Memory(period, texts.Get(TextKey.MemoryLabel))]),
                    widgets.Graph(texts.Get(TextKey.TrafficApiTitle, id), null, [api.Requests(period, texts.Get(TextKey.RequestsLabel))]),
                    external);
            }
            else
            {
                var path = app.Static!;
                body.AddRow(
                    widgets.Graph(
                        texts.Get(TextKey.ErrorRateTitle, id),
                        MonitoringNames.EdgeRegion,
                        [path.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel)), path.NotFoundPercent(period, texts.Get(TextKey.NotFoundLabel))],
                        BurnLines(app, texts)),
                    widgets.Graph(texts.Get(TextKey.TrafficStaticTitle, id), MonitoringNames.EdgeRegion, [path.Requests(period, texts.Get(TextKey.RequestsLabel))]),
                    external);
            }
        }

        if (database is not null)
        {
            body.AddRow(DashboardWidgets.Text(texts.Get(TextKey.DatabaseHeading), 24, 1));
            body.AddRow(
                widgets.Graph(texts.Get(TextKey.CpuLabel), null, [database.Cpu(period, texts.Get(TextKey.CpuLabel))]),
                widgets.Graph(texts.Get(TextKey.ConnectionsLabel), null, [database.Connections(period, texts.Get(TextKey.ConnectionsLabel))]),
                widgets.Graph(texts.Get(TextKey.FreeStorageLabel), null, [database.FreeStorage(period, texts.Get(TextKey.FreeStorageLabel))]),
                widgets.Graph(texts.Get(TextKey.FreeMemoryLabel), null, [database.FreeMemory(period, texts.Get(TextKey.FreeMemoryLabel))]));
        }

        return body.Emit(stack, MonitoringNames.Pascal(team.Id) + "TechnicalDashboard", $"{environment.StackPrefix}-{team.Id}-{texts.Get(TextKey.TechnicalDashboardWord)}", "-PT3H");
    }

    private static MetricSpec ExternalCheck(AppView app, MonitoringTexts texts) => new(
        "AWS/Route53",
        "HealthCheckStatus",
        [new("HealthCheckId", app.HealthCheckId ?? throw new InvalidOperationException($"The team dashboard needs the health check of app {app.App.Id}."))],
        "Minimum",
        TimeSpan.FromMinutes(1),
        MonitoringNames.EdgeRegion,
        texts.Get(TextKey.ExternalCheckLabel));

    private static HorizontalLine[] BurnLines(AppView app, MonitoringTexts texts) =>
    [
        new(BurnRateWindow.Fast.ThresholdPercent(app.App.Slo.Availability), HorizontalLine.Red, texts.Get(TextKey.FastBurnLabel, texts.Number(BurnRateWindow.Fast.Rate))),
        new(BurnRateWindow.Slow.ThresholdPercent(app.App.Slo.Availability), HorizontalLine.Orange, texts.Get(TextKey.SlowBurnLabel, texts.Number(BurnRateWindow.Slow.Rate))),
    ];
}
