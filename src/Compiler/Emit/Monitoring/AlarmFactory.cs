using Amazon.CDK.AWS.CloudWatch;
using Constructs;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Creates alarms with explicit names (stable, readable in notifications) and logical IDs equal to the construct id.</summary>
internal static class AlarmFactory
{
    /// <summary>An alarm that fires when <paramref name="metric"/> is above <paramref name="threshold"/> in <paramref name="datapoints"/> of <paramref name="periods"/> periods.</summary>
    public static Alarm Above(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, int periods = 1, int? datapoints = null) =>
        Create(scope, id, name, description, metric, threshold, ComparisonOperator.GREATER_THAN_THRESHOLD, periods, datapoints);

    /// <summary>An alarm that fires when <paramref name="metric"/> is below <paramref name="threshold"/> in <paramref name="datapoints"/> of <paramref name="periods"/> periods.</summary>
    public static Alarm Below(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, int periods = 1, int? datapoints = null) =>
        Create(scope, id, name, description, metric, threshold, ComparisonOperator.LESS_THAN_THRESHOLD, periods, datapoints);

    /// <summary>A composite alarm that fires when any of <paramref name="children"/> fires.</summary>
    public static CompositeAlarm AnyOf(Construct scope, string id, string name, string description, IEnumerable<IAlarm> children) =>
        LogicalIds.Pin(new CompositeAlarm(scope, id, new CompositeAlarmProps
        {
            CompositeAlarmName = name,
            AlarmDescription = description,
            AlarmRule = AlarmRule.AnyOf([.. children.Select(c => (IAlarmRule)c)]),
        }));

    /// <summary>A composite alarm that fires when all of <paramref name="children"/> fire.</summary>
    public static CompositeAlarm AllOf(Construct scope, string id, string name, string description, IEnumerable<IAlarm> children) =>
        LogicalIds.Pin(new CompositeAlarm(scope, id, new CompositeAlarmProps
        {
            CompositeAlarmName = name,
            AlarmDescription = description,
            AlarmRule = AlarmRule.AllOf([.. children.Select(c => (IAlarmRule)c)]),
        }));

    // Missing data counts as healthy: error counts are only published when non-zero and apps without traffic are fine.
    private static Alarm Create(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, ComparisonOperator comparison, int periods, int? datapoints) =>
        LogicalIds.Pin(new Alarm(scope, id, new AlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Metric = metric.ToCdk(),
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = periods,
            DatapointsToAlarm = datapoints ?? periods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));
}
