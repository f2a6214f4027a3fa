namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>A CloudWatch metric math expression over named metrics.</summary>
/// <param name="Expression">The expression, naming the inputs by id.</param>
/// <param name="Inputs">The metrics the expression uses, by id, in the order they are rendered.</param>
/// <param name="Period">Aggregation period, whole seconds.</param>
/// <param name="Label">Legend label, or null.</param>
public sealed record MathSpec(string Expression, IReadOnlyList<KeyValuePair<string, MetricSpec>> Inputs, TimeSpan Period, string? Label = null) : IMetricSpec;
