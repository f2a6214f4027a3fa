using Trilho.Compiler.Costs;

namespace Trilho.Compiler.Tests.Costs;

public sealed class KeyInventoryTests
{
    /// <summary>Every <c>AWS::KMS::Key</c> bills, rotated or not; an alias or a key used from elsewhere is no key of its own.</summary>
    [Fact]
    public void Counts_the_keys_of_every_template_and_which_rotate()
    {
        const string first = """
            {"Resources": {
              "LogsKey": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {}}},
              "Alias": {"Type": "AWS::KMS::Alias", "Properties": {"AliasName": "alias/logs", "TargetKeyId": {"Ref": "LogsKey"}}},
              "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": "alias/aws/sns"}}}}
            """;
        const string second = """
            {"Resources": {
              "Rotated": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {}}},
              "NotRotated": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {}}}}}
            """;

        Assert.Equal(new KeyInventory(Keys: 3, RotatedKeys: 2), KeyInventory.FromTemplates([first, second, """{"Resources": {}}"""]));
    }

    /// <summary>USD 1 a key-month in year 1 (https://aws.amazon.com/kms/pricing/), in both catalog regions.</summary>
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("sa-east-1")]
    public void Each_key_bills_one_dollar_a_month_in_year_one(string region)
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment(region), CostTestData.SimpleUsage, keys: new KeyInventory(Keys: 4, RotatedKeys: 4));

        var line = Assert.Single(estimate.Lines, l => l.PriceKey == PriceKeys.KmsKey);
        Assert.Equal(4m, line.Quantity);
        Assert.Equal(4.00m, line.MonthlyCost);
        Assert.Equal(4.00m, line.PeakMonthlyCost);
        Assert.Contains("rotation", line.Item, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_set_without_keys_has_no_kms_line()
    {
        const string template = """
            {"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": "alias/aws/sns"}}}}
            """;
        var keys = KeyInventory.FromTemplates([template]);

        var estimate = CostEstimator.Estimate(CostTestData.Environment(), CostTestData.SimpleUsage, keys: keys);

        Assert.Equal(0, keys.Keys);
        Assert.DoesNotContain(estimate.Lines, l => l.PriceKey == PriceKeys.KmsKey || l.Item.Contains("KMS", StringComparison.Ordinal));
    }

    /// <summary>Without rotation a key stays at one key version: the line does not announce a growth that will not happen.</summary>
    [Fact]
    public void Keys_without_rotation_are_priced_without_the_rotation_note()
    {
        var estimate = CostEstimator.Estimate(CostTestData.Environment(), CostTestData.SimpleUsage, keys: new KeyInventory(Keys: 2, RotatedKeys: 0));

        var line = Assert.Single(estimate.Lines, l => l.PriceKey == PriceKeys.KmsKey);
        Assert.Equal("KMS customer managed keys (2)", line.Item);
        Assert.Equal(2.00m, line.MonthlyCost);
    }

    /// <summary>The hand-built environment (one api app, no database, no teams) has the shared logs key and the edge logs key.</summary>
    [Fact]
    public void The_expected_keys_follow_the_stacks_that_create_them()
    {
        Assert.Equal(new KeyInventory(2, 2), KeyInventory.Expected(CostTestData.Environment()));
        Assert.Equal(new KeyInventory(3, 3), KeyInventory.Expected(CostTestData.Environment(database: CostTestData.Database())));
    }
}
