using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public class CostDocsTests
{
    [Fact]
    public void Docs_costs_md_and_chart_are_current()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trilho-costs-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, CostCommand.Compare(CostTestData.SamplePath, directory, TextWriter.Null));

            foreach (var name in new[] { "costs.md", CostComparisonDocument.ChartFileName })
            {
                var committed = Path.Combine(CostTestData.RepositoryRoot, "docs", name);
                Assert.True(File.Exists(committed), $"docs/{name} is missing; run: {CostComparisonDocument.Command}");
                var expected = File.ReadAllText(Path.Combine(directory, name));
                Assert.True(expected == File.ReadAllText(committed), $"docs/{name} is stale; run: {CostComparisonDocument.Command}");
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Comparison_covers_every_option_the_issue_names()
    {
        var comparison = CostComparison.Build(PlatformCosts.AnalyzeFile(CostTestData.SamplePath).FrontEnd.Platform!);
        var options = comparison.Rows.Select(r => r.Option).ToList();

        foreach (var expected in new[] { "ECS Fargate", "EC2 Auto Scaling", "EKS", "Lambda + API Gateway", "Lambda behind the ALB", "Elastic Beanstalk", "RDS PostgreSQL single-AZ", "RDS PostgreSQL Multi-AZ", "Aurora Serverless v2", "Self-managed PostgreSQL", "S3 bucket + CloudFront", "Container", "NAT gateway", "NAT instance", "VPC endpoints only" })
        {
            Assert.Contains(options, o => o.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.Equal(4, comparison.Scenarios.Count);
        Assert.All(comparison.Rows, r => Assert.All(r.Costs, c => Assert.NotNull(c)));
    }

    [Fact]
    public void Chart_is_well_formed_svg_with_one_bar_per_option_and_scenario()
    {
        var comparison = CostComparison.Build(PlatformCosts.AnalyzeFile(CostTestData.SamplePath).FrontEnd.Platform!);

        var svg = System.Xml.Linq.XDocument.Parse(CostChart.Render(comparison));

        var bars = svg.Descendants().Count(e => e.Name.LocalName == "rect" && e.Attribute("height")?.Value == "8");
        Assert.Equal(comparison.Rows.Count * comparison.Scenarios.Count, bars);
    }
}
