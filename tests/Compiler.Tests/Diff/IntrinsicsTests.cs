using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Tests.Diff;

public class IntrinsicsTests
{
    [Theory]
    [InlineData("""{"Ref":"Key"}""", "Key")]
    [InlineData("""{"Fn::GetAtt":["Key","Arn"]}""", "Key")]
    [InlineData("""{"Fn::GetAtt":"Key.Arn"}""", "Key")]
    [InlineData("""{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}/*"}""", "AWS::Partition,Bucket")]
    [InlineData("""{"Fn::Sub":"${Db.Endpoint.Address}:${!Literal}"}""", "Db")]
    [InlineData("""{"Fn::Sub":["${Name}-${Zone}",{"Name":{"Ref":"Topic"}}]}""", "Zone,Topic")]
    [InlineData("""{"Fn::Join":["",["a",{"Ref":"Bucket"},{"Fn::GetAtt":["Db","Port"]}]]}""", "Bucket,Db")]
    public void References_find_every_logical_id_a_value_refers_to(string json, string expected) =>
        Assert.Equal(expected.Split(','), Intrinsics.References(JsonNode.Parse(json)).ToArray());

    [Fact]
    public void Only_a_single_key_function_object_is_a_call()
    {
        Assert.True(Intrinsics.IsCall(JsonNode.Parse("""{"Ref":"X"}""")));
        Assert.True(Intrinsics.IsCall(JsonNode.Parse("""{"Fn::If":["C",1,2]}""")));
        Assert.False(Intrinsics.IsCall(JsonNode.Parse("""{"Ref":"X","Other":1}""")));
        Assert.False(Intrinsics.IsCall(JsonNode.Parse("""{"Key":"trilho:platform"}""")));
    }
}
