namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>AWS's own metrics of an api app: load balancer per target group and ECS service. No agent in the app needed.</summary>
/// <param name="LoadBalancerFullName">Load balancer full name, usually a parameter token.</param>
/// <param name="TargetGroupFullName">Target group full name, usually a parameter token.</param>
/// <param name="ClusterName">ECS cluster name, or null when only load balancer metrics are needed.</param>
/// <param name="ServiceName">ECS service name, or null when only load balancer metrics are needed.</param>
public sealed record ApiAppMetrics(string LoadBalancerFullName, string TargetGroupFullName, string? ClusterName, string? ServiceName)
{
    private const string Elb = "AWS/ApplicationELB";

    private KeyValuePair<string, string>[] TargetDimensions =>
        [new("LoadBalancer", LoadBalancerFullName), new("TargetGroup", TargetGroupFullName)];

    /// <summary>Requests routed to the app's target group.</summary>
    public MetricSpec Requests(TimeSpan period, string? label = null) => LoadBalancerMetric("RequestCount", "Sum", period, TargetDimensions, label);

    /// <summary>
    /// Failed requests in percent, from the app's own signals only: 5xx from its targets and failed connections to
    /// them (both per target group), plus the 503s the load balancer answers itself while the app has no healthy
    /// target, over the requests routed to the target group plus those 503s.
    /// The balancer's own error counts exist only per load balancer (LoadBalancer and AvailabilityZone dimensions,
    /// never TargetGroup), so they cannot say which app failed: added as they are, another app's outage would page
    /// this app's team and roll back its deployment. A 503 "no target to route to" belongs to an app without a healthy
    /// target, so it counts only while this app has none (in the period); with targets, even unhealthy ones (the
    /// balancer then fails open and routes to them), requests reach the targets and their own metrics count them.
    /// RequestCount counts only requests for which a target was chosen, so in a total outage the 503s alone make the
    /// rate 100%. Counts are published only when non-zero, hence FILL everywhere; capped at 100% because failed
    /// connections are counted per connection attempt, not per request. See ADR 0011.
    /// </summary>
    public MathSpec ErrorPercent(TimeSpan period, string? label = null) => new(
        $"IF({Served} > 0, 100 * {FailedShare}, 0)",
        ErrorInputs(period),
        period,
        label);

    /// <summary>Availability in percent: 100 minus <see cref="ErrorPercent"/>, 100 without traffic.</summary>
    public MathSpec AvailabilityPercent(TimeSpan period, string label) => new(
        $"IF({Served} > 0, 100 - 100 * {FailedShare}, 100)",
        ErrorInputs(period),
        period,
        label);

    /// <summary>Error budget left in percent of the budget for an availability SLO: 100 unspent, 0 spent, negative overspent.</summary>
    public MathSpec BudgetLeftPercent(TimeSpan period, double availability, string label) => new(
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"100 - 100 * IF({Served} > 0, 100 * {FailedShare}, 0) / {Math.Round(100 - availability, 6)}"),
        ErrorInputs(period),
        period,
        label);

    /// <summary>Target response time at a percentile, in seconds.</summary>
    public MetricSpec Latency(string percentile, TimeSpan period, string? label = null) =>
        LoadBalancerMetric("TargetResponseTime", percentile, period, TargetDimensions, label);

    /// <summary>Targets passing the load balancer health check.</summary>
    public MetricSpec HealthyTargets(TimeSpan period, string? label = null) => LoadBalancerMetric("HealthyHostCount", "Minimum", period, TargetDimensions, label);

    /// <summary>Targets failing the load balancer health check.</summary>
    public MetricSpec UnhealthyTargets(TimeSpan period, string? label = null) => LoadBalancerMetric("UnHealthyHostCount", "Maximum", period, TargetDimensions, label);

    /// <summary>Average CPU of the service's tasks in percent of what they reserved.</summary>
    public MetricSpec Cpu(TimeSpan period, string? label = null) => Ecs("CPUUtilization", period, label);

    /// <summary>Average memory of the service's tasks in percent of what they reserved.</summary>
    public MetricSpec Memory(TimeSpan period, string? label = null) => Ecs("MemoryUtilization", period, label);

    // The balancer's own 503s while the app has no healthy target: requests it could not route to this app.
    private const string Unroutable = "IF(FILL(healthy, 0) < 1, FILL(unroutable, 0), 0)";

    private const string Served = "FILL(requests, 0) + " + Unroutable;

    private const string Failed = "FILL(targetErrors, 0) + FILL(connectionErrors, 0) + " + Unroutable;

    private const string FailedShare = "IF(" + Failed + " > " + Served + ", 1, (" + Failed + ") / (" + Served + "))";

    private KeyValuePair<string, MetricSpec>[] ErrorInputs(TimeSpan period) =>
    [
        new("requests", Requests(period)),
        new("targetErrors", LoadBalancerMetric("HTTPCode_Target_5XX_Count", "Sum", period, TargetDimensions, null)),
        new("connectionErrors", LoadBalancerMetric("TargetConnectionErrorCount", "Sum", period, TargetDimensions, null)),
        new("unroutable", LoadBalancerMetric("HTTPCode_ELB_503_Count", "Sum", period, [new("LoadBalancer", LoadBalancerFullName)], null)),

        // Minimum: no healthy target at some minute of the period, so an outage counts from its first minute in an hour-long window.
        new("healthy", HealthyTargets(period)),
    ];

    private MetricSpec Ecs(string name, TimeSpan period, string? label) => new(
        "AWS/ECS",
        name,
        [
            new("ClusterName", ClusterName ?? throw new InvalidOperationException("ECS metrics need the cluster and service names.")),
            new("ServiceName", ServiceName ?? throw new InvalidOperationException("ECS metrics need the cluster and service names.")),
        ],
        "Average",
        period,
        Label: label);

    private static MetricSpec LoadBalancerMetric(string name, string statistic, TimeSpan period, KeyValuePair<string, string>[] dimensions, string? label) =>
        new(Elb, name, dimensions, statistic, period, Label: label);
}
