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
    public static Dashboard Create(Stack stack, ResolvedEnvironment environment, MonitoringTexts texts, RegionalMonitoring monitoring)
    {
        var dashboard = LogicalIds.Pin(new Dashboard(stack, "OperationsDashboard", new DashboardProps
        {
            DashboardName = $"{environment.StackPrefix}-{texts.Get(TextKey.OperationsDashboardWord)}",
            Start = "-PT24H",
        }));
        dashboard.AddWidgets(new TextWidget(new TextWidgetProps
        {
            Markdown = texts.Get(TextKey.OperationsTitle, environment.Platform, environment.Name) + "\n\n" + texts.Get(TextKey.OperationsLegend),
            Width = 24,
            Height = 3,
        }));

        foreach (var app in monitoring.Apps)
        {
            dashboard.AddWidgets(
                WhoToCall(app, texts),
                new AlarmStatusWidget(new AlarmStatusWidgetProps
                {
                    Title = texts.Get(TextKey.TrafficLightTitle, app.App.Id),
                    Alarms = [.. app.TrafficLight],
                    Width = 4,
                    Height = RowHeight,
                }),
                Availability(app, texts, "-PT24H", TextKey.Availability24hTitle, withBudget: false),
                Availability(app, texts, "-P30D", TextKey.Availability30dTitle, withBudget: true),
                Traffic(app, texts));
        }

        return dashboard;
    }

    /// <summary>Markdown with the owning team and how to reach it.</summary>
    public static string WhoToCallMarkdown(AppView app, MonitoringTexts texts) => string.Join(
        "\n\n",
        texts.Get(TextKey.AppHeading, app.App.Id, app.App.Path),
        $"**{texts.Get(TextKey.TeamLabel)}:** {app.Owner.Name}",
        $"**{texts.Get(TextKey.PhoneLabel)}:** {(string.IsNullOrEmpty(app.Owner.Phone) ? texts.Get(TextKey.NoPhone) : app.Owner.Phone)}",
        $"**{texts.Get(TextKey.EmailLabel)}:** {app.Owner.Email}",
        texts.Get(TextKey.WhenRedCall));

    private static TextWidget WhoToCall(AppView app, MonitoringTexts texts) => new(new TextWidgetProps
    {
        Markdown = WhoToCallMarkdown(app, texts),
        Width = 6,
        Height = RowHeight,
    });

    // The whole widget time range is one period, so the value is the availability over exactly that range.
    private static SingleValueWidget Availability(AppView app, MonitoringTexts texts, string start, TextKey title, bool withBudget)
    {
        var period = Duration.Days(1);
        var metrics = new List<IMetric> { AvailabilityMetric(app, period, texts.Get(TextKey.AvailabilityLabel)) };
        if (withBudget)
        {
            metrics.Add(BudgetLeftMetric(app, period, texts.Get(TextKey.ErrorBudgetLeftLabel)));
        }

        return new SingleValueWidget(new SingleValueWidgetProps
        {
            Title = texts.Get(title, texts.Number(app.App.Slo.Availability)),
            Metrics = [.. metrics],
            Start = start,
            SetPeriodToTimeRange = true,
            FullPrecision = false,
            Region = Region(app),
            Width = 4,
            Height = RowHeight,
        });
    }

    private static GraphWidget Traffic(AppView app, MonitoringTexts texts)
    {
        var period = Duration.Minutes(5);
        if (app.Api is { } api)
        {
            var latencyMs = app.App.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;
            return new GraphWidget(new GraphWidgetProps
            {
                Title = texts.Get(TextKey.TrafficApiTitle),
                Left = [api.Requests(period, texts.Get(TextKey.RequestsLabel))],
                Right = [api.Latency("p95", period, texts.Get(TextKey.LatencyP95Label))],
                RightAnnotations = [new HorizontalAnnotation { Value = latencyMs / 1000.0, Label = texts.Get(TextKey.LatencyTargetLabel, latencyMs), Color = Color.RED }],
                LeftYAxis = new YAxisProps { Min = 0, ShowUnits = false },
                RightYAxis = new YAxisProps { Min = 0, ShowUnits = false },
                Width = 6,
                Height = RowHeight,
            });
        }

        var cdn = app.Static!;
        var allowed = Math.Round(100 - app.App.Slo.Availability, 6);
        return new GraphWidget(new GraphWidgetProps
        {
            Title = texts.Get(TextKey.TrafficStaticTitle),
            Left = [cdn.Requests(period, texts.Get(TextKey.RequestsLabel))],
            Right = [cdn.ErrorPercent(period, texts.Get(TextKey.ErrorRateLabel))],
            RightAnnotations = [new HorizontalAnnotation { Value = allowed, Label = texts.Get(TextKey.ErrorTargetLabel, texts.Number(allowed)), Color = Color.RED }],
            LeftYAxis = new YAxisProps { Min = 0, ShowUnits = false },
            RightYAxis = new YAxisProps { Min = 0, ShowUnits = false },
            Region = MonitoringNames.EdgeRegion,
            Width = 6,
            Height = RowHeight,
        });
    }

    private static MathExpression AvailabilityMetric(AppView app, Duration period, string label) =>
        app.Api is { } api ? api.AvailabilityPercent(period, label) : app.Static!.AvailabilityPercent(period, label);

    private static MathExpression BudgetLeftMetric(AppView app, Duration period, string label) =>
        app.Api is { } api ? api.BudgetLeftPercent(period, app.App.Slo.Availability, label) : app.Static!.BudgetLeftPercent(period, app.App.Slo.Availability, label);

    private static string? Region(AppView app) => app.Static is null ? null : MonitoringNames.EdgeRegion;
}
