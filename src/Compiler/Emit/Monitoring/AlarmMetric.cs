using Amazon.CDK.AWS.CloudWatch;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The metric part of an <c>AWS::CloudWatch::Alarm</c>, written the way CDK 2.160's L2 <c>Alarm</c> renders a
/// metric or math expression (so templates stay byte-identical): a plain metric without label as the legacy
/// <c>MetricName</c>/<c>Namespace</c>/<c>Dimensions</c>/<c>Statistic</c> form, a labelled one as a single query
/// <c>m1</c>, a math expression as query <c>expr_1</c> followed by its inputs, which return no data.
/// </summary>
internal static class AlarmMetric
{
    private static readonly Dictionary<string, string> SimpleStatistics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SampleCount"] = "SampleCount",
        ["Average"] = "Average",
        ["Sum"] = "Sum",
        ["Minimum"] = "Minimum",
        ["Maximum"] = "Maximum",
    };

    /// <summary>Sets the metric properties of <paramref name="props"/> from <paramref name="metric"/>.</summary>
    public static void Apply(CfnAlarmProps props, IMetricSpec metric)
    {
        switch (metric)
        {
            case MetricSpec { Label: null } plain:
                props.Namespace = plain.Namespace;
                props.MetricName = plain.Name;
                props.Dimensions = Dimensions(plain);
                props.Period = Seconds(plain.Period);
                if (SimpleStatistics.TryGetValue(plain.Statistic, out var simple))
                {
                    props.Statistic = simple;
                }
                else
                {
                    props.ExtendedStatistic = plain.Statistic;
                }

                break;
            case MetricSpec labelled:
                props.Metrics = new object[] { Query(labelled, "m1", returnData: true) };
                break;
            case MathSpec math:
                props.Metrics = new object[]
                {
                    new CfnAlarm.MetricDataQueryProperty { Expression = math.Expression, Id = "expr_1", Label = math.Label },
                }.Concat(math.Inputs.Select(i => Query(i.Value, i.Key, returnData: false))).ToArray();
                break;
            default:
                throw new ArgumentException($"unknown metric {metric.GetType().Name}", nameof(metric));
        }
    }

    private static CfnAlarm.MetricDataQueryProperty Query(MetricSpec metric, string id, bool returnData) => new()
    {
        Id = id,
        Label = metric.Label,
        ReturnData = returnData,
        MetricStat = new CfnAlarm.MetricStatProperty
        {
            Metric = new CfnAlarm.MetricProperty
            {
                MetricName = metric.Name,
                Namespace = metric.Namespace,
                Dimensions = Dimensions(metric),
            },
            Period = Seconds(metric.Period),
            Stat = SimpleStatistics.TryGetValue(metric.Statistic, out var simple) ? simple : metric.Statistic,
        },
    };

    // CDK sorts dimensions by name (JavaScript's default sort: UTF-16 code units, i.e. ordinal) and omits an empty list.
    private static object[]? Dimensions(MetricSpec metric) => metric.Dimensions.Count == 0
        ? null
        : metric.Dimensions
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (object)new CfnAlarm.DimensionProperty { Name = d.Key, Value = d.Value })
            .ToArray();

    private static double Seconds(TimeSpan period) => (int)period.TotalSeconds;
}
