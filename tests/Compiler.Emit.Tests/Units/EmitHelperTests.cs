using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Logs;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Units;

/// <summary>Helpers that need no CDK synthesis.</summary>
public sealed class EmitHelperTests
{
    [Theory]
    [InlineData("backend", "Backend")]
    [InlineData("my-api", "MyApi")]
    [InlineData("api2-v3", "Api2V3")]
    public void Construct_ids_are_PascalCase_of_the_platform_yaml_id(string id, string expected) =>
        Assert.Equal(expected, EmitNames.Pascal(id));

    [Fact]
    public void Listener_priorities_stay_unique_when_hashes_collide()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"app{i}").ToList();
        var priorities = EmitNames.ListenerPriorities(ids);
        Assert.Equal(ids.Count, priorities.Values.Distinct().Count());
        Assert.All(priorities.Values, p => Assert.InRange(p, 1, 49999));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 7)]
    [InlineData(8, 14)]
    [InlineData(30, 30)]
    [InlineData(31, 60)]
    public void Log_retention_rounds_up_to_a_value_CloudWatch_accepts(int days, int expected)
    {
        Assert.Equal(expected, RetentionDaysValue(LogRetention.AtLeast(days)));
    }

    [Theory]
    [InlineData("sa-east-1", "PriceClass_All")]
    [InlineData("ap-southeast-2", "PriceClass_All")]
    [InlineData("us-east-1", "PriceClass_100")]
    [InlineData("eu-central-1", "PriceClass_100")]
    [InlineData("ap-northeast-1", "PriceClass_200")]
    public void Price_class_follows_the_region(string region, string expected)
    {
        var priceClass = PriceClasses.For(region);
        Assert.Equal(expected, priceClass == PriceClass.PRICE_CLASS_ALL ? "PriceClass_All" : priceClass == PriceClass.PRICE_CLASS_100 ? "PriceClass_100" : "PriceClass_200");
    }

    [Fact]
    public void Unknown_region_prefix_list_becomes_a_lookup_command_in_the_plan()
    {
        Assert.Equal("pl-5da64334", CloudFrontPrefixLists.For("sa-east-1"));
        Assert.Null(CloudFrontPrefixLists.For("xx-nowhere-1"));

        var stack = new StackTemplate("p-dev-shared", "xx-nowhere-1", "p-dev-shared.template.json", "{}\n", [], [new("CloudFrontPrefixListId", ParameterValue.FromCommand(CloudFrontPrefixLists.LookupCommand))]);
        var json = DeployPlanJson.Write(new DeployPlan("p", "dev", "111111111111", [stack], [], null));
        Assert.Contains("\"command\": \"aws ec2 describe-managed-prefix-lists", json, StringComparison.Ordinal);
    }

    private static int RetentionDaysValue(RetentionDays retention) => retention switch
    {
        RetentionDays.ONE_DAY => 1,
        RetentionDays.ONE_WEEK => 7,
        RetentionDays.TWO_WEEKS => 14,
        RetentionDays.ONE_MONTH => 30,
        RetentionDays.TWO_MONTHS => 60,
        _ => -1,
    };
}
