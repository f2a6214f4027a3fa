using Amazon.CDK;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Makes the widgets of dashboards in one stack, as CDK 2.160's widget classes render them.</summary>
internal sealed class DashboardWidgets
{
    private static readonly JsonFields Axis = new() { { "min", 0 }, { "showUnits", false } };

    // Fetched once: every Aws.REGION read is a jsii round trip.
    private readonly string regionToken = Aws.REGION;
    private readonly string stackRegion;

    /// <summary>Widgets for a stack deployed to <paramref name="stackRegion"/>.</summary>
    public DashboardWidgets(string stackRegion) => this.stackRegion = stackRegion;

    /// <summary>A markdown text widget.</summary>
    public static DashboardWidget Text(string markdown, int width, int height) =>
        new("text", width, height, new JsonFields { { "markdown", markdown } });

    /// <summary>An alarm status widget over alarms given by ARN (tokens allowed).</summary>
    public static DashboardWidget Alarms(string title, IEnumerable<string> alarmArns, int width, int height) =>
        new("alarm", width, height, new JsonFields { { "title", title }, { "alarms", alarmArns.ToList() } });

    /// <summary>
    /// A time series graph with both axes from 0 and without units, in <paramref name="region"/> or, when null,
    /// the stack's region.
    /// </summary>
    public DashboardWidget Graph(
        string title,
        string? region,
        IEnumerable<IMetricSpec> left,
        IReadOnlyList<HorizontalLine>? leftLines = null,
        IEnumerable<IMetricSpec>? right = null,
        IReadOnlyList<HorizontalLine>? rightLines = null)
    {
        var lines = (leftLines ?? []).Select(l => Line(l, "left")).Concat((rightLines ?? []).Select(l => Line(l, "right"))).ToList();
        return new("metric", 6, 6, new JsonFields
        {
            { "view", "timeSeries" },
            { "title", title },
            { "region", region ?? regionToken },
            { "metrics", WidgetMetrics.Render(stackRegion, left, right) },
            { "annotations", lines.Count > 0 ? new JsonFields { { "horizontal", lines } } : null },
            { "yAxis", new JsonFields { { "left", Axis }, { "right", right is null ? null : Axis } } },
        });
    }

    /// <summary>
    /// Single values whose one period is the widget's whole time range, starting at <paramref name="start"/>, in
    /// <paramref name="region"/> or, when null, the stack's region.
    /// </summary>
    public DashboardWidget SingleValue(string title, string? region, IEnumerable<IMetricSpec> metrics, string start, int width, int height) =>
        new("metric", width, height, new JsonFields
        {
            { "view", "singleValue" },
            { "title", title },
            { "region", region ?? regionToken },
            { "metrics", WidgetMetrics.Render(stackRegion, metrics) },
            { "setPeriodToTimeRange", true },
            { "singleValueFullPrecision", false },
            { "start", start },
        });

    private static JsonFields Line(HorizontalLine line, string axis) => new()
    {
        { "value", line.Value },
        { "color", line.Color },
        { "label", line.Label },
        { "yAxis", axis },
    };
}
