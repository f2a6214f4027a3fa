namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>CloudWatch alarm states.</summary>
public enum AlarmState
{
    /// <summary>Not enough data yet (also the state of a new alarm).</summary>
    INSUFFICIENT_DATA,

    /// <summary>Within the threshold, or the composite rule is false.</summary>
    OK,

    /// <summary>Breaching, or the composite rule is true.</summary>
    ALARM,
}

/// <summary>One metric as an alarm or dashboard reads it; dimension values are symbols (see <c>EmittedMonitoring</c>).</summary>
/// <param name="Namespace">e.g. AWS/ApplicationELB.</param>
/// <param name="Name">e.g. RequestCount.</param>
/// <param name="Dimensions">Dimension name to symbolic value.</param>
/// <param name="Statistic">Sum, Average, p95...</param>
/// <param name="PeriodMinutes">The period in minutes.</param>
public sealed record MetricQuery(string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions, string Statistic, int PeriodMinutes)
{
    /// <summary>The metric's identity as scenarios write it: <c>Namespace Name Dim=Value ...</c>, dimensions sorted.</summary>
    public string Key => Identity(Namespace, Name, Dimensions);

    /// <summary>The identity of a metric.</summary>
    public static string Identity(string ns, string name, IEnumerable<KeyValuePair<string, string>> dimensions) =>
        string.Join(' ', new[] { ns, name }.Concat(dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")));
}

/// <summary>A metric alarm or a composite alarm, with the teams its actions reach.</summary>
public abstract record AlarmDefinition(string Name, string Stack, IReadOnlyList<string> AlarmTeams, IReadOnlyList<string> OkTeams);

/// <summary>An <c>AWS::CloudWatch::Alarm</c>: one metric, or metric math whose <c>ReturnData</c> query is <see cref="Expression"/>.</summary>
public sealed record MetricAlarmDefinition(
    string Name,
    string Stack,
    IReadOnlyList<string> AlarmTeams,
    IReadOnlyList<string> OkTeams,
    string ComparisonOperator,
    double Threshold,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    string TreatMissingData,
    int PeriodMinutes,
    MetricQuery? Metric,
    string? Expression,
    IReadOnlyDictionary<string, MetricQuery> Inputs) : AlarmDefinition(Name, Stack, AlarmTeams, OkTeams)
{
    /// <summary>Whether <paramref name="value"/> breaches the threshold.</summary>
    public bool Breaches(double value) => ComparisonOperator switch
    {
        "GreaterThanThreshold" => value > Threshold,
        "GreaterThanOrEqualToThreshold" => value >= Threshold,
        "LessThanThreshold" => value < Threshold,
        "LessThanOrEqualToThreshold" => value <= Threshold,
        _ => throw new NotSupportedException($"Comparison {ComparisonOperator} is not modelled."),
    };

    /// <summary>Every metric the alarm reads.</summary>
    public IEnumerable<MetricQuery> Metrics => Metric is null ? Inputs.Values : [Metric];
}

/// <summary>An <c>AWS::CloudWatch::CompositeAlarm</c> with its rule, alarm ARNs replaced by alarm names.</summary>
public sealed record CompositeAlarmDefinition(string Name, string Stack, IReadOnlyList<string> AlarmTeams, IReadOnlyList<string> OkTeams, string Rule)
    : AlarmDefinition(Name, Stack, AlarmTeams, OkTeams);
