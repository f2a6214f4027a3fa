namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>
/// The evaluator alone, on CloudWatch's documented behaviour, before any scenario trusts it with Trilho's alarms.
/// Sources: "Configuring how CloudWatch alarms treat missing data"
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html), "Alarm evaluation"
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html), "Using metric math"
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html) and "Create a composite
/// alarm" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html).
/// </summary>
public sealed class CloudWatchSemanticsTests
{
    /// <summary>
    /// The missing-data table of the AWS page for an alarm with 3 evaluation periods and 3 datapoints to alarm, over an
    /// evaluation range of 5 (oldest first; 0 good, X breaching, - missing).
    /// </summary>
    [Theory]
    [InlineData("0 - X - X", "missing", "OK")]
    [InlineData("0 - X - X", "ignore", "OK")]
    [InlineData("0 - X - X", "breaching", "OK")]
    [InlineData("0 - X - X", "notBreaching", "OK")]
    [InlineData("- - - - 0", "missing", "OK")]
    [InlineData("- - - - 0", "ignore", "OK")]
    [InlineData("- - - - 0", "breaching", "OK")]
    [InlineData("- - - - 0", "notBreaching", "OK")]
    [InlineData("- - - - -", "missing", "INSUFFICIENT_DATA")]
    [InlineData("- - - - -", "ignore", "(current)")]
    [InlineData("- - - - -", "breaching", "ALARM")]
    [InlineData("- - - - -", "notBreaching", "OK")]
    [InlineData("0 X X - X", "missing", "ALARM")]
    [InlineData("0 X X - X", "ignore", "ALARM")]
    [InlineData("0 X X - X", "breaching", "ALARM")]
    [InlineData("0 X X - X", "notBreaching", "ALARM")]
    [InlineData("- - X - -", "missing", "ALARM")]
    [InlineData("- - X - -", "ignore", "(current)")]
    [InlineData("- - X - -", "breaching", "ALARM")]
    [InlineData("- - X - -", "notBreaching", "OK")]
    public void Missing_data_table_of_the_documentation(string points, string treatMissingData, string expected)
    {
        var alarm = Alarm(3, 3, treatMissingData);
        var values = points.Split(' ').Reverse().Select(p => p switch { "0" => 0.0, "X" => 10.0, _ => (double?)null }).ToList();
        foreach (var current in new[] { AlarmState.OK, AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA })
        {
            var state = MetricAlarmEvaluator.Evaluate(alarm, values, current);
            Assert.Equal(expected == "(current)" ? current : Enum.Parse<AlarmState>(expected), state);
        }
    }

    /// <summary>M out of N: 2 of 3 breaching is enough with DatapointsToAlarm 2, not with 3.</summary>
    [Theory]
    [InlineData(2, "0 X X", "ALARM")]
    [InlineData(2, "X 0 X", "ALARM")]
    [InlineData(2, "X 0 0", "OK")]
    [InlineData(3, "X 0 X", "OK")]
    [InlineData(3, "X X X", "ALARM")]
    public void M_out_of_N(int datapointsToAlarm, string points, string expected)
    {
        var alarm = Alarm(3, datapointsToAlarm, "notBreaching");
        var values = points.Split(' ').Reverse().Select(p => (double?)(p == "X" ? 10 : 0)).ToList();
        Assert.Equal(Enum.Parse<AlarmState>(expected), MetricAlarmEvaluator.Evaluate(alarm, values, AlarmState.OK));
    }

    /// <summary>
    /// With enough real points in the range, the most recent real ones decide even if the latest periods are missing
    /// ("CloudWatch evaluates the alarm state based on the most recent real data points").
    /// </summary>
    [Fact]
    public void Enough_real_points_ignore_the_missing_ones_whatever_the_treatment()
    {
        double?[] newestFirst = [null, null, 10, 10, 10];
        foreach (var treatment in new[] { "missing", "ignore", "breaching", "notBreaching" })
        {
            Assert.Equal(AlarmState.ALARM, MetricAlarmEvaluator.Evaluate(Alarm(3, 3, treatment), newestFirst, AlarmState.OK));
        }
    }

    /// <summary>Periods slide every minute: a 5-minute Sum at minute 7 covers minutes 2-6.</summary>
    [Fact]
    public void Data_points_are_sliding_windows_of_one_period()
    {
        var query = new MetricQuery("N", "M", new Dictionary<string, string>(), "Sum", 5);
        var alarm = Alarm(2, 2, "notBreaching") with { Metric = query, PeriodMinutes = 5 };
        var minutes = MetricSeries.Parse("1x2 10x5 -x3");
        var points = MetricAlarmEvaluator.DataPoints(alarm, _ => minutes, 7);
        Assert.Equal(new double?[] { 50, 2, null, null }, points);
    }

    [Theory]
    [InlineData("0x3 5x2", "0 0 0 5 5")]
    [InlineData("-x2 1.5", "- - 1.5")]
    [InlineData("7 _ 8", "7 - 8")]
    public void Compact_series_notation(string compact, string expanded) =>
        Assert.Equal(expanded, string.Join(' ', MetricSeries.Parse(compact).Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")));

    [Theory]
    [InlineData("Sum", 6.0)]
    [InlineData("Average", 2.0)]
    [InlineData("Minimum", 1.0)]
    [InlineData("Maximum", 3.0)]
    [InlineData("SampleCount", 3.0)]
    [InlineData("p50", 2.0)]
    public void Statistics_over_the_minutes_with_data(string statistic, double expected) =>
        Assert.Equal(expected, MetricSeries.Aggregate(MetricSeries.Parse("1 - 2 3"), 0, 4, statistic));

    /// <summary>Metric math: a missing operand gives no data point; FILL replaces it; IF picks per data point.</summary>
    [Theory]
    [InlineData("a + b", 1.0, null, null)]
    [InlineData("FILL(b, 0) + a", 1.0, null, 1.0)]
    [InlineData("IF(a > 0, 100 * FILL(b, 0) / a, 0)", 4.0, 1.0, 25.0)]
    [InlineData("IF(a > 0, 100 * FILL(b, 0) / a, 0)", 0.0, 1.0, 0.0)]
    [InlineData("IF(a > 0, 100 * FILL(b, 0) / a, 0)", null, 1.0, null)]
    [InlineData("IF(FILL(a, 0) > 0 AND b >= 1, 1, 2)", 3.0, 1.0, 1.0)]
    [InlineData("IF(FILL(a, 0) > 0 OR NOT (b == 1), 1, 2)", null, 1.0, 2.0)]
    [InlineData("a / b", 1.0, 0.0, null)]
    [InlineData("-a + 2 * (b - 1)", 1.0, 3.0, 3.0)]
    public void Metric_math(string expression, double? a, double? b, double? expected) =>
        Assert.Equal(expected, MetricMath.Evaluate(expression, id => id == "a" ? a : b));

    [Fact]
    public void Metric_math_refuses_what_it_does_not_model() =>
        Assert.Throws<NotSupportedException>(() => MetricMath.Evaluate("ANOMALY_DETECTION_BAND(a, 2)", _ => 1));

    [Theory]
    [InlineData("ALARM(\"a\") AND ALARM(\"b\")", "ALARM", "OK", false)]
    [InlineData("ALARM(\"a\") OR ALARM(\"b\")", "ALARM", "OK", true)]
    [InlineData("(ALARM(\"arn:aws:cloudwatch:us-east-1:1:alarm:a\") AND NOT OK(b))", "ALARM", "INSUFFICIENT_DATA", true)]
    [InlineData("INSUFFICIENT_DATA(a) OR FALSE", "INSUFFICIENT_DATA", "OK", true)]
    [InlineData("TRUE AND NOT ALARM(b)", "OK", "ALARM", false)]
    public void Composite_rules(string rule, string a, string b, bool expected) =>
        Assert.Equal(expected, CompositeRule.Evaluate(rule, name => Enum.Parse<AlarmState>(name == "a" ? a : b)));

    /// <summary>
    /// A run: a 1-minute alarm, 3 of 3, notBreaching, notifies on ALARM and on OK; a composite of it notifies
    /// another team. New alarms start in INSUFFICIENT_DATA.
    /// </summary>
    [Fact]
    public void Simulation_changes_state_and_notifies_on_each_change()
    {
        var query = new MetricQuery("N", "Errors", new Dictionary<string, string>(), "Sum", 1);
        var alarm = Alarm(3, 3, "notBreaching") with { Metric = query, AlarmTeams = ["owner"], OkTeams = ["owner"] };
        var composite = new CompositeAlarmDefinition("c", "s", ["watchers"], [], "ALARM(\"a\")");
        var minutes = MetricSeries.Parse("0x5 9x4 0x3");
        var run = AlarmSimulation.Run([alarm, composite], _ => minutes, 12);

        Assert.Equal(AlarmState.OK, run.StateAt("a", 1));
        Assert.Equal(AlarmState.OK, run.StateAt("a", 7));
        Assert.Equal(AlarmState.ALARM, run.StateAt("a", 8));
        Assert.Equal(AlarmState.ALARM, run.StateAt("c", 8));
        Assert.Equal(AlarmState.OK, run.StateAt("a", 12));
        Assert.Equal(
            new[] { "1 a INSUFFICIENT_DATA->OK owner", "1 c INSUFFICIENT_DATA->OK ", "8 a OK->ALARM owner", "8 c OK->ALARM watchers", "10 a ALARM->OK owner", "10 c ALARM->OK " },
            run.Changes.Select(c => $"{c.Minute} {c.Alarm} {c.From}->{c.To} {string.Join(",", c.Teams)}"));
        Assert.Equal(new[] { "owner", "watchers" }, run.Paged.Order(StringComparer.Ordinal));
    }

    private static MetricAlarmDefinition Alarm(int periods, int datapoints, string treatMissingData) =>
        new("a", "s", [], [], "GreaterThanThreshold", 5, periods, datapoints, treatMissingData, 1, null, "x", new Dictionary<string, MetricQuery>());
}
