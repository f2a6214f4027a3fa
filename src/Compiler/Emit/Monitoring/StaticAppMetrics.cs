using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// CloudFront metrics of a static app. CloudFront publishes per distribution, not per path, in us-east-1 with
/// dimension Region=Global: the error rate includes every app behind the distribution; the per-app signal is the
/// external check on the app's own path.
/// </summary>
/// <param name="DistributionId">CloudFront distribution id, usually a parameter token.</param>
public sealed record StaticAppMetrics(string DistributionId)
{
    private Dictionary<string, string> Dimensions => new()
    {
        ["DistributionId"] = DistributionId,
        ["Region"] = "Global",
    };

    /// <summary>Requests served by the distribution.</summary>
    public Metric Requests(Duration period, string? label = null) => CloudFront("Requests", "Sum", period, label);

    /// <summary>Responses with a 5xx status in percent; 0 without traffic.</summary>
    public MathExpression ErrorPercent(Duration period, string? label = null) => new(new MathExpressionProps
    {
        Expression = "IF(requests > 0, FILL(errorRate, 0), 0)",
        UsingMetrics = Inputs(period),
        Period = period,
        Label = label,
    });

    /// <summary>Availability in percent (100 minus the 5xx rate); 100 without traffic.</summary>
    public MathExpression AvailabilityPercent(Duration period, string label) => new(new MathExpressionProps
    {
        Expression = "IF(requests > 0, 100 - FILL(errorRate, 0), 100)",
        UsingMetrics = Inputs(period),
        Period = period,
        Label = label,
    });

    /// <summary>Error budget left in percent of the budget.</summary>
    public MathExpression BudgetLeftPercent(Duration period, double availability, string label) => new(new MathExpressionProps
    {
        Expression = string.Create(CultureInfo.InvariantCulture, $"100 - 100 * IF(requests > 0, FILL(errorRate, 0), 0) / {Math.Round(100 - availability, 6)}"),
        UsingMetrics = Inputs(period),
        Period = period,
        Label = label,
    });

    private Dictionary<string, IMetric> Inputs(Duration period) => new()
    {
        ["requests"] = Requests(period),
        ["errorRate"] = CloudFront("5xxErrorRate", "Average", period, null),
    };

    private Metric CloudFront(string name, string statistic, Duration period, string? label) => new(new MetricProps
    {
        Namespace = "AWS/CloudFront",
        MetricName = name,
        DimensionsMap = Dimensions,
        Statistic = statistic,
        Period = period,
        Region = MonitoringNames.EdgeRegion,
        Label = label,
    });
}
