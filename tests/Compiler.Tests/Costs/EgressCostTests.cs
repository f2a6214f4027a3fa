using Trilho.Compiler.Costs;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Tests.Costs;

/// <summary>What each egress costs, and CloudWatch priced without its free allowance (issue 17, docs/decisions/0017-economy-egress.md).</summary>
public class EgressCostTests
{
    /// <summary>
    /// Issue 17's target was USD 100. Priced without CloudWatch's free allowance and with the target-tracking alarms,
    /// dev was USD 103.84: over by 3.84 (docs/decisions/0017-economy-egress.md, "Dashboards and alarms"). With its 5
    /// customer managed KMS keys priced (USD 1 a key-month, issue 17 follow-up) it is 108.84. This pins the figure so
    /// any change to it is seen and explained, not drifted into.
    /// </summary>
    [Fact]
    public void Sample_dev_in_sa_east_1_costs_108_84_dollars_a_month_at_scale_min()
    {
        var dev = PlatformCosts.AnalyzeFile(CostTestData.SamplePath).Estimates.Single(e => e.Environment == "dev");

        Assert.Equal("sa-east-1", dev.Region);
        Assert.True(dev.Complete);
        Assert.Equal(108.84m, dev.MonthlyTotal);
        Assert.DoesNotContain(dev.Lines, l => l.PriceKey is PriceKeys.NatHour or PriceKeys.NatGb);
    }

    [Fact]
    public void A_nat_instance_bills_its_hours_its_root_volume_and_its_address_but_nothing_per_gigabyte()
    {
        var environment = CostTestData.Environment() with { Network = new("10.0.0.0/16", 2, 1, 7, Egress.NatInstance) };

        var network = CostEstimator.Estimate(environment).Lines.Where(l => l.Group == "Network").ToList();

        // us-east-1: t4g.nano 730 h x 0.0042 = 3.07; 8 GB gp3 x 0.08 = 0.64; one public IPv4 730 h x 0.005 = 3.65.
        Assert.Equal(
            [(PriceKeys.Ec2("t4g.nano"), 730m, 3.07m), (PriceKeys.EbsGp3, 8m, 0.64m), (PriceKeys.PublicIpv4, 730m, 3.65m)],
            network.Select(l => (l.PriceKey, l.Quantity, l.MonthlyCost)).ToList());
    }

    [Fact]
    public void A_nat_gateway_bills_hours_data_and_address()
    {
        var network = CostEstimator.Estimate(CostTestData.Environment()).Lines.Where(l => l.Group == "Network").ToList();

        // us-east-1: 730 h x 0.045 = 32.85; 5 GB x 0.045 = 0.23; 730 h x 0.005 = 3.65.
        Assert.Equal([32.85m, 0.23m, 3.65m], network.Select(l => l.MonthlyCost).ToList());
    }

    /// <summary>
    /// The always-free allowance belongs to the consolidated billing family, not to an account
    /// (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidated-billing.html): the sample's dev, alone in
    /// its account but possibly in an organization with prod and other workloads, pays for every dashboard and alarm metric.
    /// </summary>
    [Fact]
    public void CloudWatch_dashboards_and_alarm_metrics_are_all_priced_even_for_an_environment_alone_in_its_account()
    {
        var platform = FrontEnd.AnalyzeFile(CostTestData.SamplePath).Platform!;
        var dev = platform.Environments.Single(e => e.Name == "dev");
        Assert.Single(platform.Environments, e => e.Account == dev.Account);
        var expected = MonitoringInventory.Expected(dev);

        var estimate = PlatformCosts.AnalyzeFile(CostTestData.SamplePath).Estimates.Single(e => e.Environment == "dev");

        var dashboards = estimate.Lines.Single(l => l.PriceKey == PriceKeys.Dashboard);
        Assert.Equal(expected.Dashboards, dashboards.Quantity);
        Assert.True(dashboards.MonthlyCost > 0m);
        Assert.Equal(expected.AlarmMetrics + expected.ScalingAlarms, estimate.Lines.Where(l => l.PriceKey == PriceKeys.Alarm).Sum(l => l.Quantity));
        Assert.Contains(estimate.Assumptions, a => a.Name == "freeTier" && a.Value == "none");
    }

    [Fact]
    public void Sharing_an_account_with_another_environment_does_not_change_the_monitoring_price()
    {
        var separate = PlatformCosts.AnalyzeFile(CostTestData.SamplePath).Estimates.Single(e => e.Environment == "dev");
        var text = File.ReadAllText(CostTestData.SamplePath).Replace("account: \"222222222222\"", "account: \"111111111111\"", StringComparison.Ordinal);
        var together = PlatformCosts.Analyze("platform.yaml", text).Estimates.Single(e => e.Environment == "dev");

        Assert.Equal(separate.MonthlyTotal, together.MonthlyTotal);
    }
}
