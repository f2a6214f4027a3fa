using System.Globalization;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// CloudFront metrics of a static app. CloudFront publishes per distribution, not per path, in us-east-1 with
/// dimension Region=Global: the error rate includes every app behind the distribution, so it is the app's own only
/// when the app is alone behind it (<see cref="DistributionIsTheApp"/>); otherwise the per-app signal is the external
/// check on the app's own path (ADR 0011).
/// </summary>
/// <param name="DistributionId">CloudFront distribution id, usually a parameter token.</param>
/// <param name="AppOnly">True when the distribution serves only this app, so its rates are the app's.</param>
public sealed record StaticAppMetrics(string DistributionId, bool AppOnly = true)
{
    /// <summary>True when the environment's distribution serves only one app, so its rates are that app's.</summary>
    public static bool DistributionIsTheApp(Trilho.Compiler.Resolution.ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Apps.Count == 1;
    }

    private KeyValuePair<string, string>[] Dimensions => [new("DistributionId", DistributionId), new("Region", "Global")];

    /// <summary>Requests served by the distribution.</summary>
    public MetricSpec Requests(TimeSpan period, string? label = null) => CloudFront("Requests", "Sum", period, label);

    /// <summary>Responses with a 5xx status in percent; 0 without traffic.</summary>
    public MathSpec ErrorPercent(TimeSpan period, string? label = null) => new(
        "IF(requests > 0, FILL(errorRate, 0), 0)",
        Inputs(period),
        period,
        label);

    /// <summary>Availability in percent (100 minus the 5xx rate); 100 without traffic.</summary>
    public MathSpec AvailabilityPercent(TimeSpan period, string label) => new(
        "IF(requests > 0, 100 - FILL(errorRate, 0), 100)",
        Inputs(period),
        period,
        label);

    /// <summary>Error budget left in percent of the budget.</summary>
    public MathSpec BudgetLeftPercent(TimeSpan period, double availability, string label) => new(
        string.Create(CultureInfo.InvariantCulture, $"100 - 100 * IF(requests > 0, FILL(errorRate, 0), 0) / {Math.Round(100 - availability, 6)}"),
        Inputs(period),
        period,
        label);

    private KeyValuePair<string, MetricSpec>[] Inputs(TimeSpan period) =>
        [new("requests", Requests(period)), new("errorRate", CloudFront("5xxErrorRate", "Average", period, null))];

    private MetricSpec CloudFront(string name, string statistic, TimeSpan period, string? label) =>
        new("AWS/CloudFront", name, Dimensions, statistic, period, MonitoringNames.EdgeRegion, label);
}
