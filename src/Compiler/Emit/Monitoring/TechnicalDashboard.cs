using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>A team's technical dashboard: its alarms, per app detailed metrics, and the database when its apps use it.</summary>
internal static class TechnicalDashboard
{
    /// <summary>Creates one dashboard per team that owns an app or receives database alarms.</summary>
    public static IReadOnlyList<Dashboard> CreateAll(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring)
    {
        var databaseTeams = environment.Database is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : AlarmRouting.DatabaseRecipients(environment).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var dashboards = new List<Dashboard>();
        foreach (var team in environment.Teams)
        {
            var apps = monitoring.Apps.Where(a => a.Owner.Id == team.Id).ToList();
            var database = databaseTeams.Contains(team.Id) ? monitoring.Database : null;
            if (apps.Count == 0 && database is null)
            {
                continue;
            }

            dashboards.Add(Create(stack, environment, texts, monitoring, team, apps, database));
        }

        return dashboards;
    }

    private static Dashboard Create(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring, ResolvedTeam team, List<AppView> apps, DatabaseMetrics? database)
    {
        var dashboard = LogicalIds.Pin(new Dashboard(stack, MonitoringNames.Pascal(team.Id) + "TechnicalDashboard", new DashboardProps
        {
            DashboardName = $"{environment.StackPrefix}-{team.Id}-{texts.Get(TextKey.TechnicalDashboardWord)}",
            Start = "-PT3H",
        }));
        dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = texts.Get(TextKey.TechnicalTitle, team.Name), Width = 24, Height = 1 }));
        var alarms = monitoring.AlarmsOf(team.Id);
        if (alarms.Count > 0)
        {
            dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = texts.Get(TextKey.TeamAlarmsTitle),
                Alarms = [.. alarms],
                Width = 24,
                Height = 4,
            }));
        }

        var period = Duration.Minutes(5);
        foreach (var app in apps)
        {
            var id = app.App.Id;
            var external = Graph(texts.Get(TextKey.ExternalCheckTitle, id), [ExternalCheck(app, texts)], MonitoringNames.EdgeRegion);
            if (app.Api is { } api)
            {
                var scale = ((ResolvedApiApp)app.App).Scale;
                var latencyMs = app.App.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
                dashboard.AddWidgets(
                    Graph(texts.Get(TextKey.ErrorRateTitle, id), [api.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel))], null, BurnLines(app, texts)),
                    Graph(
                        texts.Get(TextKey.LatencyTitle, id),
                        [api.Latency("p50", period, "p50"), api.Latency("p95", period, "p95"), api.Latency("p99", period, "p99")],
                        null,
                        [new HorizontalAnnotation { Value = latencyMs / 1000.0, Label = texts.Get(TextKey.LatencyTargetLabel, latencyMs), Color = Color.RED }]),
                    Graph(
                        texts.Get(TextKey.TasksTitle, id),
                        [api.HealthyTargets(Duration.Minutes(1), texts.Get(TextKey.HealthyLabel)), api.UnhealthyTargets(Duration.Minutes(1), texts.Get(TextKey.UnhealthyLabel))],
                        null,
                        [new HorizontalAnnotation { Value = scale.Min, Label = "scale.min", Color = Color.ORANGE }]),
                    Graph(texts.Get(TextKey.SaturationTitle, id), [api.Cpu(period, texts.Get(TextKey.CpuLabel)), api.Memory(period, texts.Get(TextKey.MemoryLabel))], null),
                    Graph(texts.Get(TextKey.TrafficApiTitle, id), [api.Requests(period, texts.Get(TextKey.RequestsLabel))], null),
                    external);
            }
            else
            {
                var cdn = app.Static!;
                dashboard.AddWidgets(
                    Graph(texts.Get(TextKey.ErrorRateTitle, id), [cdn.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel))], MonitoringNames.EdgeRegion, BurnLines(app, texts)),
                    Graph(texts.Get(TextKey.TrafficStaticTitle, id), [cdn.Requests(period, texts.Get(TextKey.RequestsLabel))], MonitoringNames.EdgeRegion),
                    external);
            }
        }

        if (database is not null)
        {
            dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = texts.Get(TextKey.DatabaseHeading), Width = 24, Height = 1 }));
            dashboard.AddWidgets(
                Graph(texts.Get(TextKey.CpuLabel), [database.Cpu(period, texts.Get(TextKey.CpuLabel))], null),
                Graph(texts.Get(TextKey.ConnectionsLabel), [database.Connections(period, texts.Get(TextKey.ConnectionsLabel))], null),
                Graph(texts.Get(TextKey.FreeStorageLabel), [database.FreeStorage(period, texts.Get(TextKey.FreeStorageLabel))], null),
                Graph(texts.Get(TextKey.FreeMemoryLabel), [database.FreeMemory(period, texts.Get(TextKey.FreeMemoryLabel))], null));
        }

        return dashboard;
    }

    private static Metric ExternalCheck(AppView app, MonitoringTexts texts) => new(new MetricProps
    {
        Namespace = "AWS/Route53",
        MetricName = "HealthCheckStatus",
        DimensionsMap = new Dictionary<string, string> { ["HealthCheckId"] = app.HealthCheckId },
        Statistic = "Minimum",
        Period = Duration.Minutes(1),
        Region = MonitoringNames.EdgeRegion,
        Label = texts.Get(TextKey.ExternalCheckLabel),
    });

    private static IHorizontalAnnotation[] BurnLines(AppView app, MonitoringTexts texts) =>
    [
        new HorizontalAnnotation
        {
            Value = BurnRateWindow.Fast.ThresholdPercent(app.App.Slo.Availability),
            Label = texts.Get(TextKey.FastBurnLabel, texts.Number(BurnRateWindow.Fast.Rate)),
            Color = Color.RED,
        },
        new HorizontalAnnotation
        {
            Value = BurnRateWindow.Slow.ThresholdPercent(app.App.Slo.Availability),
            Label = texts.Get(TextKey.SlowBurnLabel, texts.Number(BurnRateWindow.Slow.Rate)),
            Color = Color.ORANGE,
        },
    ];

    private static GraphWidget Graph(string title, IMetric[] metrics, string? region, IHorizontalAnnotation[]? lines = null) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        LeftAnnotations = lines,
        LeftYAxis = new YAxisProps { Min = 0, ShowUnits = false },
        Region = region,
        Width = 6,
        Height = 6,
    });
}
