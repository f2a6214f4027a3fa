using System.Text.Json.Nodes;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Tests.Loading;

public class YamlLoaderTests
{
    private const string Text = "platform: demo\napps:\n  api:\n    port: 8080\n    path: \"/api\"\n    on: true\n    ratio: 99.9\n    none: ~\n";

    [Fact]
    public void Records_value_and_key_positions_by_json_pointer()
    {
        var (document, diagnostics) = YamlLoader.Load("p.yaml", Text);
        Assert.Empty(diagnostics);
        Assert.Equal((4, 11), (document!.LocationOf("/apps/api/port").Line, document.LocationOf("/apps/api/port").Column));
        Assert.Equal((4, 5), (document.LocationOf("/apps/api/port", preferKey: true).Line, document.LocationOf("/apps/api/port", preferKey: true).Column));
        // A pointer into nothing falls back to its nearest existing ancestor: the api mapping, which starts at its first key.
        Assert.Equal(4, document.LocationOf("/apps/api/missing/deeper").Line);
    }

    [Fact]
    public void Plain_scalars_follow_the_yaml_core_schema_and_quoted_ones_stay_text()
    {
        var api = YamlLoader.Load("p.yaml", Text).Document!.Root!["apps"]!["api"]!;
        Assert.Equal(8080, api["port"]!.GetValue<long>());
        Assert.Equal("/api", api["path"]!.GetValue<string>());
        Assert.True(api["on"]!.GetValue<bool>());
        Assert.Equal(99.9, api["ratio"]!.GetValue<double>());
        Assert.Null(api["none"]);
        Assert.True(api.AsObject().ContainsKey("none"));
    }

    [Theory]
    [InlineData("a: [b\n", "TRL1001", 2, 1)]
    [InlineData("a: 1\n---\nb: 2\n", "TRL1002", 3, 1)]
    [InlineData("a: 1\nb: 2\na: 3\n", "TRL1003", 3, 1)]
    [InlineData("a: {b: :\n", "TRL1001", 1, 8)]
    public void Syntax_problems_are_diagnostics_with_a_position(string text, string id, int line, int column)
    {
        var (document, diagnostics) = YamlLoader.Load("p.yaml", text);
        Assert.Null(document);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Json_pointers_escape_and_display_like_yaml_paths()
    {
        var root = JsonNode.Parse("""{"a/b":{"list":[1,2]}}""");
        Assert.Equal("/a~1b/list/1", JsonPointers.Of("a/b", "list", "1"));
        Assert.Equal("a/b.list[1]", JsonPointers.Display(root, "/a~1b/list/1"));
        Assert.Equal(2, JsonPointers.Find(root, "/a~1b/list/1")!.GetValue<int>());
    }
}
