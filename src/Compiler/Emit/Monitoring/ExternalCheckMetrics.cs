using System.Globalization;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Route 53 metrics of an app's external check on its own path (us-east-1): the availability figure of a static app
/// that shares the distribution, whose CloudFront rates are not its own (ADR 0011). HealthCheckPercentageHealthy is the
/// share of Route 53 checkers that found the path healthy; averaged over a period it is the share of checks that passed.
/// </summary>
/// <param name="HealthCheckId">Route 53 health check id, usually a parameter token.</param>
public sealed record ExternalCheckMetrics(string HealthCheckId)
{
    /// <summary>Checks that passed, in percent; no data while the check is not reporting.</summary>
    public MathSpec AvailabilityPercent(TimeSpan period, string label) => new("healthy", Inputs(period), period, label);

    /// <summary>Error budget left in percent of the budget for an availability SLO, counting failed checks as failed requests.</summary>
    public MathSpec BudgetLeftPercent(TimeSpan period, double availability, string label) => new(
        string.Create(CultureInfo.InvariantCulture, $"100 - 100 * (100 - healthy) / {Math.Round(100 - availability, 6)}"),
        Inputs(period),
        period,
        label);

    private KeyValuePair<string, MetricSpec>[] Inputs(TimeSpan period) =>
        [new("healthy", new MetricSpec("AWS/Route53", "HealthCheckPercentageHealthy", [new("HealthCheckId", HealthCheckId)], "Average", period, MonitoringNames.EdgeRegion))];
}
