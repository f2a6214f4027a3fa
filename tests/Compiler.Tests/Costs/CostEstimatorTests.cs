using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public class CostEstimatorTests
{
    [Fact]
    public void Small_environment_in_us_east_1_matches_the_hand_computed_totals()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment(), CostTestData.SimpleUsage);

        // 1 NAT:        730 h x 0.045                          = 32.85
        // NAT IPv4:     730 h x 0.005                          =  3.65
        // ALB:          730 h x 0.0225 = 16.425                -> 16.43
        // LCU:          1e6 req / (730 x 3600 s) / 25 x 730 h = 11.111 LCU-h x 0.008 = 0.0889 -> 0.09
        // Fargate vCPU: 1 task x 1 vCPU x 730 h x 0.04048 = 29.5504 -> 29.55 (peak 2 tasks: 59.1008 -> 59.10)
        // Fargate mem:  1 task x 2 GB x 730 h x 0.004445 = 6.4897 -> 6.49 (peak: 12.9794 -> 12.98)
        // CloudFront:   100 x 10k HTTPS x 0.01 = 1.00; function 1M x 0.10 = 0.10; 0 GB out
        // Route 53:     private zone 0.50 + 1M queries 0.40 + 1 health check 0.50 + HTTPS feature 1.00
        // CloudWatch:   12 alarms reading 32 metrics x 0.10 = 3.20 (4 burn-rate windows x 5 metrics, 5 single-metric
        //               alarms, the release alarms 5 + 1, the external check 1) + 4 composites x 0.50 = 2.00 + 1 dashboard 3.00
        //               + Application Auto Scaling's high and low alarms of the CPU and requests policies: 4 x 0.10 = 0.40
        // Edge logs:    1e6 requests x 400 B = 0.4 GB of vended logs x 0.50 = 0.20; stored 7/30 of it x 0.03 = 0.0028 -> 0.00
        // KMS:          2 customer managed keys (the shared stack's logs key, the edge access logs' key) x 1.00 = 2.00
        // Baseline:     32.85 + 3.65 + 16.43 + 0.09 + 29.55 + 6.49 + 1.00 + 0.10 + 0.50 + 0.40 + 0.50 + 1.00 + 3.20 + 0.40 + 2.00 + 3.00 + 0.20 + 2.00 = 103.36
        // Peak:         103.36 + (59.10 - 29.55) + (12.98 - 6.49) = 139.40
        Assert.Empty(estimate.Diagnostics);
        Assert.Equal(103.36m, estimate.MonthlyTotal);
        Assert.Equal(139.40m, estimate.PeakMonthlyTotal);
        Assert.Equal(0.20m, estimate.Lines.Single(l => l.PriceKey == PriceKeys.VendedLogIngestion).MonthlyCost);
        Assert.Equal(29.55m, estimate.Lines.Single(l => l.PriceKey == PriceKeys.FargateVcpu).MonthlyCost);
        Assert.Equal(59.10m, estimate.Lines.Single(l => l.PriceKey == PriceKeys.FargateVcpu).PeakMonthlyCost);
    }

    [Fact]
    public void Database_in_sa_east_1_matches_the_hand_computed_lines()
    {
        var environment = CostTestData.Environment("sa-east-1", database: CostTestData.Database());

        var estimate = CostEstimator.Estimate(environment, CostTestData.SimpleUsage);

        // Instance: 730 h x 0.034 = 24.82
        // Storage:  20 GB x 0.219 = 4.38
        // Backups:  20 GB x 2% x 1 day = 0.4 GB x 0.1425 = 0.057 -> 0.06
        // Secret:   0.40 + 10k calls 0.05
        // Database group: 24.82 + 4.38 + 0.06 + 0.40 + 0.05 = 29.71
        var database = estimate.Lines.Where(l => l.Group == "Database").ToList();
        Assert.Equal(29.71m, database.Sum(l => l.MonthlyCost));
        Assert.Equal(24.82m, database.Single(l => l.PriceKey == "rds.db.t4g.micro.single").MonthlyCost);
    }

    [Fact]
    public void Totals_add_up_the_rounded_lines()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment("sa-east-1", database: CostTestData.Database()));

        Assert.Equal(estimate.Lines.Sum(l => l.MonthlyCost), estimate.MonthlyTotal);
        Assert.All(estimate.Lines, l => Assert.Equal(Math.Round(l.MonthlyCost, 2), l.MonthlyCost));
    }

    [Fact]
    public void Raising_scale_min_raises_the_baseline_total()
    {
        var one = CostEstimator.Estimate(CostTestData.Environment(api: CostTestData.Api(min: 1, max: 4)));
        var three = CostEstimator.Estimate(CostTestData.Environment(api: CostTestData.Api(min: 3, max: 4)));

        Assert.True(three.MonthlyTotal > one.MonthlyTotal, $"{three.MonthlyTotal} should exceed {one.MonthlyTotal}");
        Assert.Equal(one.PeakMonthlyTotal, three.PeakMonthlyTotal);
    }

    [Fact]
    public void Raising_scale_max_raises_only_the_peak()
    {
        var low = CostEstimator.Estimate(CostTestData.Environment(api: CostTestData.Api(min: 1, max: 2)));
        var high = CostEstimator.Estimate(CostTestData.Environment(api: CostTestData.Api(min: 1, max: 8)));

        Assert.Equal(low.MonthlyTotal, high.MonthlyTotal);
        Assert.True(high.PeakMonthlyTotal > low.PeakMonthlyTotal);
    }

    [Theory]
    [InlineData("db.t4g.micro", 20, "db.t4g.small", 20)]
    [InlineData("db.t4g.small", 20, "db.t4g.medium", 20)]
    [InlineData("db.t4g.micro", 20, "db.t4g.micro", 100)]
    public void A_larger_database_raises_the_total(string smallClass, int smallStorage, string largeClass, int largeStorage)
    {
        var small = CostEstimator.Estimate(CostTestData.Environment(database: CostTestData.Database(smallClass, smallStorage)));
        var large = CostEstimator.Estimate(CostTestData.Environment(database: CostTestData.Database(largeClass, largeStorage)));

        Assert.True(large.MonthlyTotal > small.MonthlyTotal, $"{large.MonthlyTotal} should exceed {small.MonthlyTotal}");
    }

    [Fact]
    public void Multi_az_costs_more_than_single_az()
    {
        var single = CostEstimator.Estimate(CostTestData.Environment(database: CostTestData.Database(multiAz: false)));
        var multi = CostEstimator.Estimate(CostTestData.Environment(database: CostTestData.Database(multiAz: true)));

        Assert.True(multi.MonthlyTotal > single.MonthlyTotal);
    }

    [Fact]
    public void Firewall_adds_the_waf_lines_priced_in_us_east_1()
    {
        var environment = CostTestData.Environment("sa-east-1");
        var withWaf = environment with { Ingress = environment.Ingress with { Firewall = true } };

        var estimate = CostEstimator.Estimate(withWaf, CostTestData.SimpleUsage);

        // 5.00 ACL + 5 rules x 1.00 + 1M requests x 0.60 = 10.60
        var waf = estimate.Lines.Where(l => l.PriceKey.StartsWith("waf.", StringComparison.Ordinal)).ToList();
        Assert.Equal(10.60m, waf.Sum(l => l.MonthlyCost));
        Assert.All(waf, l => Assert.Equal("us-east-1", l.PriceRegion));
        Assert.DoesNotContain(CostEstimator.Estimate(environment).Lines, l => l.PriceKey.StartsWith("waf.", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_region_gives_TRL5001_and_no_numbers()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment("eu-west-1"));

        var diagnostic = Assert.Single(estimate.Diagnostics);
        Assert.Equal("TRL5001", diagnostic.Id);
        Assert.Equal(global::Trilho.Compiler.Diagnostics.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("eu-west-1", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(estimate.Priced);
        Assert.Empty(estimate.Lines);
        Assert.Null(estimate.MonthlyTotal);
        Assert.Null(estimate.PeakMonthlyTotal);
        Assert.Contains("no cost estimate", estimate.ToSummaryLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unpriced_instance_class_gives_TRL5002_and_a_lower_bound()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment(database: CostTestData.Database("db.m7g.large")));

        var diagnostic = Assert.Single(estimate.Diagnostics);
        Assert.Equal("TRL5002", diagnostic.Id);
        Assert.Contains("rds.db.m7g.large.single", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(estimate.Complete);
        Assert.DoesNotContain(estimate.Lines, l => l.PriceKey.Contains("m7g", StringComparison.Ordinal));
        Assert.Contains("at least", estimate.ToSummaryLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_line_names_the_environment_and_both_totals()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment(), CostTestData.SimpleUsage);

        Assert.Equal(
            "tiny-dev (us-east-1): estimated USD 103.36/month at scale.min, USD 139.40 at scale.max (2 of 24 lines use assumed prices); see cost-estimate.md",
            estimate.ToSummaryLine());
    }

    [Fact]
    public void Out_of_range_usage_gives_TRL5003_and_uses_the_default()
    {
        var usage = CostTestData.SimpleUsage with { ApiRequestsPercent = 150, GbOutPerMonth = -5 };

        var estimate = CostEstimator.Estimate(CostTestData.Environment(), usage);

        Assert.Equal(["TRL5003", "TRL5003"], estimate.Diagnostics.Select(d => d.Id));
        Assert.Contains("usage.apiRequestsPercent is 150", estimate.Diagnostics[0].Message, StringComparison.Ordinal);

        // gbOutPerMonth falls back to the economy default of 10 GB; apiRequestsPercent to 50.
        Assert.Equal(10m, estimate.Lines.Single(l => l.PriceKey == PriceKeys.CloudFrontGb).Quantity);
        Assert.Contains(estimate.Assumptions, a => a.Name == "apiRequestsPercent" && a.Value == "50");
        Assert.True(estimate.Complete);
    }
}
