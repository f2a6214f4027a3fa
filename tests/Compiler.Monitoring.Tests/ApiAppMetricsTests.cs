using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>
/// The api error rate evaluated the way CloudWatch evaluates metric math, one period at a time, from the metrics the
/// load balancer publishes. Its balancer-wide counts (<c>HTTPCode_ELB_503_Count</c>) have no TargetGroup dimension
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html), so they
/// must count for an app only when that app caused them (ADR 0011, amended).
/// </summary>
public sealed class ApiAppMetricsTests
{
    private static readonly ApiAppMetrics Metrics = new("app/shared/1", "targetgroup/orders/2", null, null);

    [Theory]
    // Another app has no healthy target: the balancer's 503s are its, not this app's.
    [InlineData(100.0, null, null, 2.0, 50.0, 0.0)]
    // This app has no registered target: RequestCount has no data, the 503s are all its requests.
    [InlineData(null, null, null, 0.0, 80.0, 100.0)]
    // HealthyHostCount absent for a target group without targets: same.
    [InlineData(null, null, null, null, 80.0, 100.0)]
    // Registered but all unhealthy: the balancer fails open and routes to them, their own 5xx count.
    [InlineData(40.0, 40.0, null, 0.0, null, 100.0)]
    // Failed connections are counted per attempt: more than the requests, still at most 100%.
    [InlineData(10.0, null, 30.0, 1.0, null, 100.0)]
    // Own 5xx and failed connections while another app's 503s flow.
    [InlineData(100.0, 3.0, 2.0, 1.0, 500.0, 5.0)]
    public void Error_rate_counts_only_what_the_app_caused(double? requests, double? targetErrors, double? connectionErrors, double? healthy, double? unroutable, double expected)
    {
        var spec = Metrics.ErrorPercent(TimeSpan.FromMinutes(1));
        var values = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["RequestCount"] = requests,
            ["HTTPCode_Target_5XX_Count"] = targetErrors,
            ["TargetConnectionErrorCount"] = connectionErrors,
            ["HealthyHostCount"] = healthy,
            ["HTTPCode_ELB_503_Count"] = unroutable,
        };
        var inputs = spec.Inputs.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        Assert.Equal(values.Keys.Order(StringComparer.Ordinal), inputs.Values.Select(m => m.Name).Order(StringComparer.Ordinal));

        var rate = MetricMath.Evaluate(spec.Expression, id => values[inputs[id].Name]);

        Assert.NotNull(rate);
        Assert.Equal(expected, rate.Value, 6);
        var availability = MetricMath.Evaluate(Metrics.AvailabilityPercent(TimeSpan.FromMinutes(1), "a").Expression, id => values[inputs[id].Name]);
        Assert.Equal(100 - expected, availability!.Value, 6);
    }
}
