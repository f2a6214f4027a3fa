using Trilho.Compiler.Costs;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Tests.Costs;

/// <summary>What each egress costs, and CloudWatch's free allowance (issue 17, docs/decisions/0017-economy-egress.md).</summary>
public class EgressCostTests
{
    [Fact]
    public void Sample_dev_in_sa_east_1_costs_at_most_100_dollars_a_month_at_scale_min()
    {
        var dev = PlatformCosts.AnalyzeFile(CostTestData.SamplePath).Estimates.Single(e => e.Environment == "dev");

        Assert.Equal("sa-east-1", dev.Region);
        Assert.True(dev.Complete);
        Assert.True(dev.MonthlyTotal <= 100m, $"dev costs {dev.MonthlyTotal}");
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

    [Fact]
    public void CloudWatch_free_dashboards_and_alarm_metrics_come_off_only_in_an_account_of_its_own()
    {
        var inventory = new MonitoringInventory(Alarms: 8, AlarmMetrics: 12, CompositeAlarms: 2, Dashboards: 4, HealthChecks: 1, MetricFilters: 0, LogDeliveries: 0);
        decimal Quantity(CostEstimate estimate, string key) => estimate.Lines.Single(l => l.PriceKey == key).Quantity;

        var shared = CostEstimator.Estimate(CostTestData.Environment(), monitoring: inventory, ownAccount: false);
        var own = CostEstimator.Estimate(CostTestData.Environment(), monitoring: inventory, ownAccount: true);

        Assert.Equal((12m, 4m, 2m), (Quantity(shared, PriceKeys.Alarm), Quantity(shared, PriceKeys.Dashboard), Quantity(shared, PriceKeys.CompositeAlarm)));
        Assert.Equal((2m, 1m, 2m), (Quantity(own, PriceKeys.Alarm), Quantity(own, PriceKeys.Dashboard), Quantity(own, PriceKeys.CompositeAlarm)));
    }

    [Fact]
    public void Two_environments_in_one_account_share_the_allowance_so_neither_deducts_it()
    {
        var separate = PlatformCosts.AnalyzeFile(CostTestData.SamplePath).Estimates.Single(e => e.Environment == "dev");
        var text = File.ReadAllText(CostTestData.SamplePath).Replace("account: \"222222222222\"", "account: \"111111111111\"", StringComparison.Ordinal);
        var together = PlatformCosts.Analyze("platform.yaml", text).Estimates.Single(e => e.Environment == "dev");

        var dashboards = together.Lines.Single(l => l.PriceKey == PriceKeys.Dashboard);
        Assert.Equal(0m, separate.Lines.Single(l => l.PriceKey == PriceKeys.Dashboard).MonthlyCost);
        Assert.True(dashboards.MonthlyCost > 0m);
        Assert.True(together.MonthlyTotal > separate.MonthlyTotal);
    }
}
