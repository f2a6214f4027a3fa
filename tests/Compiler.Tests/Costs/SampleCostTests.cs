using System.Text.Json;
using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public class SampleCostTests
{
    private static PlatformCosts Sample() => PlatformCosts.AnalyzeFile(CostTestData.SamplePath);

    [Fact]
    public void Sample_prod_costs_more_than_dev_at_baseline_and_peak()
    {
        var costs = Sample();
        var dev = costs.Estimates.Single(e => e.Environment == "dev");
        var prod = costs.Estimates.Single(e => e.Environment == "prod");

        Assert.True(dev.Complete && prod.Complete);
        Assert.True(prod.MonthlyTotal > dev.MonthlyTotal, $"prod {prod.MonthlyTotal} vs dev {dev.MonthlyTotal}");
        Assert.True(prod.PeakMonthlyTotal > dev.PeakMonthlyTotal);
        Assert.True(dev.PeakMonthlyTotal > dev.MonthlyTotal);
    }

    [Fact]
    public void Sample_prod_costs_more_than_dev_in_both_regions()
    {
        var comparison = CostComparison.Build(Sample().FrontEnd.Platform!);

        foreach (var region in PriceCatalog.Regions)
        {
            var dev = comparison.Scenarios.Single(s => s.Label == $"dev {region}").Estimate;
            var prod = comparison.Scenarios.Single(s => s.Label == $"prod {region}").Estimate;
            Assert.True(prod.MonthlyTotal > dev.MonthlyTotal, region);
        }
    }

    [Fact]
    public void Usage_section_overrides_the_default_volumes()
    {
        var text = File.ReadAllText(CostTestData.SamplePath) + "\nusage:\n  requestsPerMonth: 20000000\n  gbOutPerMonth: 0\n";

        var costs = PlatformCosts.Analyze("platform.yaml", text);

        Assert.False(costs.FrontEnd.HasErrors);
        var dev = costs.Estimates.Single(e => e.Environment == "dev");

        // 20M requests = 2000 x 10k HTTPS requests at the South America edge (0.022) = 44.00
        Assert.Equal(2000m, dev.Lines.Single(l => l.PriceKey == PriceKeys.CloudFrontHttps).Quantity);
        Assert.Equal(44.00m, dev.Lines.Single(l => l.PriceKey == PriceKeys.CloudFrontHttps).MonthlyCost);
        Assert.Equal(0m, dev.Lines.Single(l => l.PriceKey == PriceKeys.CloudFrontGb).MonthlyCost);
        Assert.Contains(dev.Assumptions, a => a.Name == "requestsPerMonth" && a.Value == "20000000");
    }

    [Fact]
    public void Writer_writes_deterministic_json_and_markdown_for_one_environment()
    {
        var environment = Sample().FrontEnd.Platform!.Environments.Single(e => e.Name == "prod");
        var first = Path.Combine(Path.GetTempPath(), "trilho-cost-" + Guid.NewGuid().ToString("N"));
        var second = first + "-again";
        try
        {
            var estimate = CostEstimateWriter.Write(environment, first);
            CostEstimateWriter.Write(environment, second);

            var json = File.ReadAllText(Path.Combine(first, CostEstimateWriter.JsonFileName));
            Assert.Equal(json, File.ReadAllText(Path.Combine(second, CostEstimateWriter.JsonFileName)));
            Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            Assert.Equal("USD", root.GetProperty("currency").GetString());
            Assert.Equal(estimate.MonthlyTotal, root.GetProperty("monthlyTotal").GetDecimal());
            Assert.Equal(estimate.PeakMonthlyTotal, root.GetProperty("peakMonthlyTotal").GetDecimal());
            var line = root.GetProperty("lines")[0];
            foreach (var name in new[] { "group", "item", "quantity", "unit", "unitPrice", "monthlyCost", "source" })
            {
                Assert.True(line.TryGetProperty(name, out _), name);
            }

            Assert.NotEqual(0, root.GetProperty("assumptions").GetArrayLength());
            var markdown = File.ReadAllText(Path.Combine(first, CostEstimateWriter.MarkdownFileName));
            Assert.Contains("| Group | Item |", markdown, StringComparison.Ordinal);
            Assert.Contains(CostEstimate.Money(estimate.MonthlyTotal!.Value), markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Json_of_an_unpriced_region_has_null_totals_and_the_warning()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment("eu-west-1"));

        using var document = JsonDocument.Parse(CostEstimateWriter.ToJson(estimate));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("monthlyTotal").ValueKind);
        Assert.Contains("TRL5001", document.RootElement.GetProperty("diagnostics")[0].GetString(), StringComparison.Ordinal);
    }
}
