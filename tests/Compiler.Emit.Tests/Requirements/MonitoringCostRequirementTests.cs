using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>The cost estimate prices the monitoring the templates hold, not a per-app constant.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class MonitoringCostRequirementTests(SynthesisFixture fixture)
{
    /// <summary><c>trilho cost</c> cannot synthesize; its pure count must equal what every golden environment emits.</summary>
    [Fact]
    public void The_pure_monitoring_count_equals_the_emitted_templates_of_every_golden_case()
    {
        foreach (var (environment, templates) in fixture.GoldenEnvironments())
        {
            Assert.Equal(MonitoringInventory.FromTemplates(templates), MonitoringInventory.Expected(environment));
        }
    }

    /// <summary>
    /// Issue 13: the sample's dev environment emits 12 alarms and 4 composites for the backend alone (the estimate
    /// assumed 6 + 1 per app). Counted from the templates, priced per metric read.
    /// </summary>
    [Fact]
    public void The_sample_estimate_prices_the_alarms_the_templates_hold()
    {
        var plan = fixture.Plan("desafio-aws", "dev");
        var backend = MonitoringInventory.FromTemplates(plan.Stacks.Where(s => s.StackName.EndsWith("-backend", StringComparison.Ordinal)).Select(s => s.Template));
        Assert.Equal(12, backend.Alarms);
        Assert.Equal(4, backend.CompositeAlarms);

        var inventory = MonitoringInventory.FromTemplates(plan.Stacks.Select(s => s.Template));
        var environment = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, "desafio-aws", "platform.yaml")).Platform!.Environments.Single(e => e.Name == "dev");
        var estimate = CostEstimator.Estimate(environment, null, inventory);
        var alarms = estimate.Lines.Single(l => l.Item.StartsWith("Alarms (", StringComparison.Ordinal));
        Assert.Equal(inventory.AlarmMetrics, alarms.Quantity);
        Assert.True(inventory.AlarmMetrics > inventory.Alarms, "metric-math alarms are billed per metric they read");
        Assert.Equal(inventory.CompositeAlarms, estimate.Lines.Single(l => l.Item.StartsWith("Composite alarms", StringComparison.Ordinal)).Quantity);
        Assert.Equal(inventory.Dashboards, estimate.Lines.Single(l => l.Item.StartsWith("Dashboards", StringComparison.Ordinal)).Quantity);
        Assert.Equal(inventory.HealthChecks, estimate.Lines.Single(l => l.Item.StartsWith("Health checks", StringComparison.Ordinal)).Quantity);
    }

    /// <summary>
    /// Application Auto Scaling creates a high and a low alarm for each target-tracking policy with scale-in enabled
    /// (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html);
    /// they are in no template but bill as standard alarms. The sample's backend scales on CPU and on requests: 4 alarms.
    /// </summary>
    [Fact]
    public void The_sample_estimate_prices_the_alarms_application_auto_scaling_creates_for_target_tracking()
    {
        var plan = fixture.Plan("desafio-aws", "dev");
        var policies = plan.Stacks
            .SelectMany(s => System.Text.Json.Nodes.JsonNode.Parse(s.Template)!["Resources"]!.AsObject())
            .Select(r => r.Value!)
            .Where(r => (string?)r["Type"] == "AWS::ApplicationAutoScaling::ScalingPolicy")
            .ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal("TargetTrackingScaling", (string?)p["Properties"]!["PolicyType"]));
        Assert.All(policies, p => Assert.False((bool?)p["Properties"]!["TargetTrackingScalingPolicyConfiguration"]!["DisableScaleIn"] ?? false));

        var environment = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, "desafio-aws", "platform.yaml")).Platform!.Environments.Single(e => e.Name == "dev");
        var estimate = CostEstimator.Estimate(environment, null, MonitoringInventory.FromTemplates(plan.Stacks.Select(s => s.Template)));
        var alarms = estimate.Lines.Where(l => l.PriceKey == PriceKeys.Alarm).ToList();
        var templateMetrics = MonitoringInventory.FromTemplates(plan.Stacks.Select(s => s.Template)).AlarmMetrics;

        // Every standard alarm metric the account pays for: the templates' alarms plus high and low per policy.
        Assert.Equal(templateMetrics + (2 * policies.Count), alarms.Sum(l => l.Quantity));
    }
}
