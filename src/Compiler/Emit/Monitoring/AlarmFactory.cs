using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Creates alarms with explicit names (stable, readable in notifications) and logical IDs equal to the construct id.
/// Each is one L1 resource whose properties are computed here (<see cref="AlarmResource"/>); the templates are what
/// CDK's L2 <c>Alarm</c> and <c>CompositeAlarm</c> wrote, byte for byte.
/// </summary>
internal static class AlarmFactory
{
    /// <summary>An alarm that fires when <paramref name="metric"/> is above <paramref name="threshold"/> in <paramref name="datapoints"/> of <paramref name="periods"/> periods.</summary>
    public static AlarmResource Above(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, int periods = 1, int? datapoints = null) =>
        Create(scope, id, name, description, metric, threshold, "GreaterThanThreshold", periods, datapoints);

    /// <summary>An alarm that fires when <paramref name="metric"/> is below <paramref name="threshold"/> in <paramref name="datapoints"/> of <paramref name="periods"/> periods.</summary>
    public static AlarmResource Below(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, int periods = 1, int? datapoints = null) =>
        Create(scope, id, name, description, metric, threshold, "LessThanThreshold", periods, datapoints);

    /// <summary>A composite alarm that fires when any of <paramref name="children"/> fires.</summary>
    public static AlarmResource AnyOf(Construct scope, string id, string name, string description, IEnumerable<AlarmResource> children) =>
        Composite(scope, id, name, description, children, "OR");

    /// <summary>A composite alarm that fires when all of <paramref name="children"/> fire.</summary>
    public static AlarmResource AllOf(Construct scope, string id, string name, string description, IEnumerable<AlarmResource> children) =>
        Composite(scope, id, name, description, children, "AND");

    // Missing data counts as healthy: error counts are only published when non-zero and apps without traffic are fine.
    private static AlarmResource Create(Construct scope, string id, string name, string description, IMetricSpec metric, double threshold, string comparison, int periods, int? datapoints)
    {
        var props = new CfnAlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = periods,
            DatapointsToAlarm = datapoints ?? periods,
            TreatMissingData = "notBreaching",
        };
        AlarmMetric.Apply(props, metric);
        var construct = new Construct(scope, id);
        return Pin(id, new AlarmResource(construct, new CfnAlarm(construct, "Resource", props)));
    }

    // The rule text CDK's AlarmRule.anyOf/allOf renders: "(ALARM(\"arn\") OR ...)"; the ARN tokens become Fn::Join.
    private static AlarmResource Composite(Construct scope, string id, string name, string description, IEnumerable<AlarmResource> children, string op)
    {
        var construct = new Construct(scope, id);
        return Pin(id, new AlarmResource(construct, new CfnCompositeAlarm(construct, "Resource", new CfnCompositeAlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            AlarmRule = "(" + string.Join($" {op} ", children.Select(c => c.RuleTerm)) + ")",
        })));
    }

    // CDK would append a path hash (BackendLatencyHighBF2AA5F7); the readable ID is the public contract.
    private static AlarmResource Pin(string id, AlarmResource alarm)
    {
        alarm.Resource.OverrideLogicalId(id);
        return alarm;
    }
}
