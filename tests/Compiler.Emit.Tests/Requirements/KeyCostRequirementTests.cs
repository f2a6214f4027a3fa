using System.Text.Json.Nodes;
using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// The cost estimate prices the customer managed KMS keys the templates create: USD 1 a key-month, prorated hourly
/// (https://aws.amazon.com/kms/pricing/). Before, the estimate priced none and docs/costs.md said the stacks used AWS
/// managed keys.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class KeyCostRequirementTests(SynthesisFixture fixture)
{
    /// <summary><c>trilho cost</c> cannot synthesize: its estimate of the sample must price as many keys as the templates hold.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_sample_estimate_prices_every_customer_managed_key_the_templates_create(string environment)
    {
        var keys = fixture.Plan("desafio-aws", environment).Stacks
            .SelectMany(s => JsonNode.Parse(s.Template)!["Resources"]!.AsObject())
            .Count(r => (string?)r.Value!["Type"] == "AWS::KMS::Key");
        Assert.True(keys > 0, "the sample encrypts its logs, database and alarm topics with keys of its own");

        var estimate = PlatformCosts.AnalyzeFile(RepositoryPaths.Sample("desafio-aws")).Estimates.Single(e => e.Environment == environment);

        var line = Assert.Single(estimate.Lines, l => l.Item.StartsWith("KMS customer managed keys", StringComparison.Ordinal));
        Assert.Equal(keys, line.Quantity);
        Assert.Equal(keys, line.PeakQuantity);
        // Year 1: one key version each, USD 1 a month in every region the catalog has.
        Assert.Equal(keys * 1.00m, line.MonthlyCost);
    }

    /// <summary>The pure count <c>trilho cost</c> uses equals what every golden environment emits.</summary>
    [Fact]
    public void The_pure_key_count_equals_the_emitted_templates_of_every_golden_case()
    {
        foreach (var (environment, templates) in fixture.GoldenEnvironments())
        {
            Assert.Equal(KeyInventory.FromTemplates(templates), KeyInventory.Expected(environment));
        }
    }

    /// <summary><c>trilho compile</c> prices the keys it counts in the templates it wrote.</summary>
    [Fact]
    public void The_compile_estimate_prices_the_keys_counted_in_the_templates()
    {
        var plan = fixture.Plan("desafio-aws", "dev");
        var templates = plan.Stacks.Select(s => s.Template).ToList();
        var keys = KeyInventory.FromTemplates(templates);
        var environment = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, "desafio-aws", "platform.yaml")).Platform!.Environments.Single(e => e.Name == "dev");

        var estimate = CostEstimator.Estimate(environment, null, MonitoringInventory.FromTemplates(templates), keys);

        // Every key of the sample rotates yearly (a later key version adds a key-month each, from year 2).
        Assert.Equal(keys.Keys, keys.RotatedKeys);
        Assert.Equal(keys.Keys, estimate.Lines.Single(l => l.PriceKey == PriceKeys.KmsKey).Quantity);
    }
}
