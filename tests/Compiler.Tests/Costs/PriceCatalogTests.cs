using System.Text.RegularExpressions;
using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public partial class PriceCatalogTests
{
    [Fact]
    public void Every_row_has_a_source_a_date_a_unit_and_a_positive_price()
    {
        Assert.NotEmpty(PriceCatalog.Entries);
        Assert.All(PriceCatalog.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Key);
            Assert.Matches(DatePattern(), e.Date);
            Assert.False(string.IsNullOrWhiteSpace(e.Unit), e.Key);
            Assert.True(e.Price > 0m, e.Key);
        });
    }

    [Fact]
    public void Every_key_has_a_price_in_every_region()
    {
        foreach (var key in PriceCatalog.Entries.Select(e => e.Key).Distinct())
        {
            foreach (var region in PriceCatalog.Regions)
            {
                Assert.NotNull(PriceCatalog.Find(key, region));
            }
        }
    }

    [Fact]
    public void Rows_whose_source_is_an_assumption_or_secondary_are_marked_assumed()
    {
        Assert.All(
            PriceCatalog.Entries.Where(e => e.Source.StartsWith("assumed", StringComparison.Ordinal) || e.Source.StartsWith("secondary", StringComparison.Ordinal)),
            e => Assert.True(e.Assumed, $"{e.Key} {e.Region}"));
    }

    [Fact]
    public void Reference_values_that_are_unverified_in_sa_east_1_are_assumed()
    {
        // aws-prices.md says UNVERIFIED, "(secondary)" or "(assumed)" for these sa-east-1 figures.
        string[] unverified = [PriceKeys.EndpointHour, PriceKeys.RdsBackup, PriceKeys.AuroraAcu, PriceKeys.S3Get, PriceKeys.EcrStorage, PriceKeys.HttpApiRequests, PriceKeys.NatHour, PriceKeys.AlbHour, PriceKeys.WafAcl, PriceKeys.LambdaRequests, PriceKeys.Secret, PriceKeys.KmsKey];
        Assert.All(unverified, key => Assert.True(PriceCatalog.Find(key, "sa-east-1")!.Assumed, key));
        Assert.False(PriceCatalog.Find(PriceKeys.FargateVcpu, "us-east-1")!.Assumed);
    }

    [Fact]
    public void Fargate_vcpu_matches_the_reference()
    {
        Assert.Equal(0.04048m, PriceCatalog.Find(PriceKeys.FargateVcpu, "us-east-1")!.Price);
        Assert.Equal(0.0696m, PriceCatalog.Find(PriceKeys.FargateVcpu, "sa-east-1")!.Price);
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}(-\d{2})?(\.\.\d{4}-\d{2})?|~\d{4}|undated)$")]
    private static partial Regex DatePattern();
}
