namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>One CloudWatch metric.</summary>
/// <param name="Namespace">Metric namespace, e.g. AWS/ApplicationELB.</param>
/// <param name="Name">Metric name.</param>
/// <param name="Dimensions">Dimensions in the order they are rendered; values may be tokens.</param>
/// <param name="Statistic">Statistic or percentile, e.g. Sum or p95.</param>
/// <param name="Period">Aggregation period, whole seconds.</param>
/// <param name="Region">Region when not the stack's, else null.</param>
/// <param name="Label">Legend label, or null.</param>
public sealed record MetricSpec(
    string Namespace,
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    string Statistic,
    TimeSpan Period,
    string? Region = null,
    string? Label = null) : IMetricSpec;
