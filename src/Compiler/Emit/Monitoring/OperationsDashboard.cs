using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The operations dashboard for the monitoring team, in the platform's locale: a legend, then per app one row
/// (24 columns): who to call (6), traffic light (4), availability 24 h (4), availability 30 d and error budget
/// left (4), requests with p95 latency or errors against the SLO line (6).
/// </summary>
internal static class OperationsDashboard
{
    private const int RowHeight = 6;

    /// <summary>Creates the dashboard in <paramref name="stack"/>.</summary>
    public static CfnDashboard Create(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring)
    {
        var widgets = new DashboardWidgets(environment.Region);
        var body = new DashboardBody();
        body.AddRow(DashboardWidgets.Text(
            texts.Get(TextKey.OperationsTitle, environment.Platform, environment.Name) + "\n\n" + texts.Get(TextKey.OperationsLegend), 24, 3));
        foreach (var app in monitoring.Apps)
        {
            body.AddRow(
                DashboardWidgets.Text(WhoToCallMarkdown(app, texts), 6, RowHeight),
                DashboardWidgets.Alarms(texts.Get(TextKey.TrafficLightTitle, app.App.Id), app.TrafficLight, 4, RowHeight),
                Availability(widgets, app, texts, "-PT24H", TextKey.Availability24hTitle, withBudget: false),
                Availability(widgets, app, texts, "-P30D", TextKey.Availability30dTitle, withBudget: true),
                Traffic(widgets, app, texts));
        }

        return body.Emit(stack, "OperationsDashboard", $"{environment.StackPrefix}-{texts.Get(TextKey.OperationsDashboardWord)}", "-PT24H");
    }

    /// <summary>Markdown with the owning team and how to reach it.</summary>
    public static string WhoToCallMarkdown(AppView app, MonitoringTexts texts) => string.Join(
        "\n\n",
        texts.Get(TextKey.AppHeading, app.App.Id, app.App.Path),
        $"**{texts.Get(TextKey.TeamLabel)}:** {app.Owner.Name}",
        $"**{texts.Get(TextKey.PhoneLabel)}:** {(string.IsNullOrEmpty(app.Owner.Phone) ? texts.Get(TextKey.NoPhone) : app.Owner.Phone)}",
        $"**{texts.Get(TextKey.EmailLabel)}:** {app.Owner.Email}",
        texts.Get(TextKey.WhenRedCall));

    // The whole widget time range is one period, so the value is the availability over exactly that range.
    private static DashboardWidget Availability(DashboardWidgets widgets, AppView app, MonitoringTexts texts, string start, TextKey title, bool withBudget)
    {
        var period = TimeSpan.FromDays(1);
        var metrics = new List<IMetricSpec> { AvailabilityMetric(app, period, texts.Get(TextKey.AvailabilityLabel)) };
        if (withBudget)
        {
            metrics.Add(BudgetLeftMetric(app, period, texts.Get(TextKey.ErrorBudgetLeftLabel)));
        }

        return widgets.SingleValue(
            texts.Get(title, texts.Number(app.App.Slo.Availability)), app.Api is null ? MonitoringNames.EdgeRegion : null, metrics, start, 4, RowHeight);
    }

    private static DashboardWidget Traffic(DashboardWidgets widgets, AppView app, MonitoringTexts texts)
    {
        var period = TimeSpan.FromMinutes(5);
        if (app.Api is { } api)
        {
            var latencyMs = app.App.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
            return widgets.Graph(
                texts.Get(TextKey.TrafficApiTitle),
                null,
                [api.Requests(period, texts.Get(TextKey.RequestsLabel))],
                right: [api.Latency("p95", period, texts.Get(TextKey.LatencyP95Label))],
                rightLines: [new HorizontalLine(latencyMs / 1000.0, HorizontalLine.Red, texts.Get(TextKey.LatencyTargetLabel, latencyMs))]);
        }

        var path = app.Static!;
        var allowed = Math.Round(100 - app.App.Slo.Availability, 6);
        return widgets.Graph(
            texts.Get(TextKey.TrafficStaticTitle),
            MonitoringNames.EdgeRegion,
            [path.Requests(period, texts.Get(TextKey.RequestsLabel))],
            right: [path.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel))],
            rightLines: [new HorizontalLine(allowed, HorizontalLine.Red, texts.Get(TextKey.ErrorTargetLabel, texts.Number(allowed)))]);
    }

    // A static app's figure follows its external check: missing files answer 404, not 5xx, so its 5xx share at the path
    // would read 100% while the app does not open (ADR 0011); its light also holds the per-path alarms.
    private static MathSpec AvailabilityMetric(AppView app, TimeSpan period, string label) => app switch
    {
        { Api: { } api } => api.AvailabilityPercent(period, label),
        _ => new ExternalCheckMetrics(HealthCheckOf(app)).AvailabilityPercent(period, label),
    };

    private static MathSpec BudgetLeftMetric(AppView app, TimeSpan period, string label) => app switch
    {
        { Api: { } api } => api.BudgetLeftPercent(period, app.App.Slo.Availability, label),
        _ => new ExternalCheckMetrics(HealthCheckOf(app)).BudgetLeftPercent(period, app.App.Slo.Availability, label),
    };

    private static string HealthCheckOf(AppView app) =>
        app.HealthCheckId ?? throw new InvalidOperationException($"The operations dashboard needs the health check of app {app.App.Id}.");
}
