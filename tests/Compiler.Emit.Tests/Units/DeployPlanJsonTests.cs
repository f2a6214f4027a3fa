using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Units;

/// <summary>The deploy plan says which templates are too large for <c>aws cloudformation deploy</c> without <c>--s3-bucket</c>.</summary>
public sealed class DeployPlanJsonTests
{
    [Theory]
    [InlineData(51_200, false)]
    [InlineData(51_201, true)]
    public void A_step_needs_an_S3_upload_exactly_when_its_template_is_over_51200_bytes(int bytes, bool expected)
    {
        // "ç" is two bytes in UTF-8: the size counts bytes as written, not characters.
        var template = "{\"ç\":\"" + new string('x', bytes - 10) + "\"}\n";
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetByteCount(template));
        var plan = new DeployPlan("p", "dev", "111111111111", [new StackTemplate("p-dev-shared", "sa-east-1", "p-dev-shared.template.json", template, [], [])], [], null);

        var step = JsonNode.Parse(DeployPlanJson.Write(plan))!["steps"]![0]!;

        Assert.Equal(bytes, step["templateBytes"]!.GetValue<int>());
        Assert.Equal(expected, step["needsS3Upload"]!.GetValue<bool>());
    }
}
