using System.Text.Json.Nodes;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Tests.Schema;

public class ReferenceDocsTests
{
    [Fact]
    public void Docs_describe_every_field_of_the_schema()
    {
        var docs = File.ReadAllText(Repository.PathOf("docs", "platform-yaml.md"));
        var missing = Fields(SchemaGenerator.Generate(), string.Empty).Where(f => !docs.Contains($"| `{f}` |", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }

    private static IEnumerable<string> Fields(JsonNode schema, string prefix)
    {
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return path;
            var nested = property!["properties"] is not null ? property : property["additionalProperties"] is JsonObject { } values && values["properties"] is not null ? values : null;
            var nestedPrefix = property["properties"] is not null ? path : $"{path}.<id>";
            foreach (var field in nested is null ? [] : Fields(nested, nestedPrefix))
            {
                yield return field;
            }
        }
    }
}
