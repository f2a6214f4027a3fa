namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// A CloudWatch metric (<see cref="MetricSpec"/>) or math expression (<see cref="MathSpec"/>) as plain data, built
/// without a jsii round trip: dashboards render it to their JSON body, alarms to their properties (<see cref="AlarmMetric"/>).
/// </summary>
#pragma warning disable CA1040 // A closed union of the two records; it carries no members of its own.
public interface IMetricSpec;
#pragma warning restore CA1040
