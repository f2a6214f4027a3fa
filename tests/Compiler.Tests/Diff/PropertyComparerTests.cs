using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Tests.Diff;

public class PropertyComparerTests
{
    private static string[] Differences(string before, string after) =>
        PropertyComparer.Differences(JsonNode.Parse(before), JsonNode.Parse(after), PropertyPath.Root).Select(p => p.ToString()).ToArray();

    [Fact]
    public void The_deepest_changed_value_is_reported_with_its_path()
    {
        var before = """{"A":1,"Config":{"Rules":[{"Status":"Enabled","Days":30},{"Status":"Enabled"}]}}""";
        var after = """{"A":1,"Config":{"Rules":[{"Status":"Enabled","Days":60},{"Status":"Enabled"}]}}""";
        Assert.Equal(["Config.Rules[0].Days"], Differences(before, after));
    }

    [Fact]
    public void Added_and_removed_properties_and_items_are_reported()
    {
        Assert.Equal(["B", "C"], Differences("""{"A":1,"B":2}""", """{"A":1,"C":3}"""));
        Assert.Equal(["L[2]"], Differences("""{"L":[1,2]}""", """{"L":[1,2,3]}"""));
    }

    [Fact]
    public void A_function_call_is_one_value_and_the_path_stops_at_its_property()
    {
        Assert.Equal(["KmsKeyId"], Differences("""{"KmsKeyId":{"Fn::GetAtt":["A","Arn"]}}""", """{"KmsKeyId":{"Fn::GetAtt":["B","Arn"]}}"""));
        Assert.Equal(["Name"], Differences("""{"Name":"literal"}""", """{"Name":{"Ref":"P"}}"""));
    }

    [Fact]
    public void Equal_values_have_no_difference() =>
        Assert.Empty(Differences("""{"A":{"B":[1,{"Ref":"X"}]}}""", """{"A":{"B":[1,{"Ref":"X"}]}}"""));
}
