using System.Text.Json;
using Json.Schema;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Tests.Schema;

public class SchemaFileTests
{
    [Fact]
    public void Committed_schema_is_what_the_model_generates()
    {
        var committed = File.ReadAllText(Repository.PathOf("schema", "platform.schema.json"));
        Assert.True(
            committed == SchemaGenerator.GenerateText(),
            "schema/platform.schema.json is stale; regenerate it with: dotnet run --project src/Compiler.Cli -- schema > schema/platform.schema.json");
    }

    [Fact]
    public void Generation_is_deterministic_and_uses_lf_line_endings()
    {
        var first = SchemaGenerator.GenerateText();
        Assert.Equal(first, SchemaGenerator.GenerateText());
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_is_draft_07_and_builds_in_JsonSchema_Net()
    {
        var node = SchemaGenerator.Generate();
        Assert.Equal("http://json-schema.org/draft-07/schema#", node["$schema"]!.GetValue<string>());
        var schema = JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Assert.NotNull(schema);
    }

    [Fact]
    public void Every_object_forbids_unknown_keys()
    {
        var text = SchemaGenerator.GenerateText();
        using var document = JsonDocument.Parse(text);
        var objects = 0;
        Walk(document.RootElement);
        Assert.True(objects > 5);

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("properties", out _))
                {
                    objects++;
                    Assert.False(element.GetProperty("additionalProperties").GetBoolean());
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
        }
    }

    [Fact]
    public void Descriptions_come_from_the_xml_docs()
    {
        var port = SchemaGenerator.Generate()["properties"]!["apps"]!["additionalProperties"]!["properties"]!["port"]!;
        Assert.Contains("api only: port the container listens on", port["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(65535, port["maximum"]!.GetValue<int>());
    }

    [Fact]
    public void Environment_overrides_require_nothing_while_apps_require_type_team_and_path()
    {
        var root = SchemaGenerator.Generate();
        var app = root["properties"]!["apps"]!["additionalProperties"]!;
        var over = root["properties"]!["environments"]!["additionalProperties"]!["properties"]!["apps"]!["additionalProperties"]!;
        Assert.Equal(["type", "team", "path"], app["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(over["required"]);
        Assert.Null(root["properties"]!["environments"]!["additionalProperties"]!["properties"]!["database"]!["required"]);
    }

    [Fact]
    public void String_enums_use_the_yaml_names()
    {
        var locale = SchemaGenerator.Generate()["properties"]!["locale"]!;
        Assert.Equal(["en", "pt-BR"], locale["enum"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
