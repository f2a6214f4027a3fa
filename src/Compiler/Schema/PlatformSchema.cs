using System.Text.Json.Nodes;
using Json.Schema;

namespace Trilho.Compiler.Schema;

/// <summary>The checked-in platform.schema.json, embedded in the compiler and loaded once.</summary>
public static class PlatformSchema
{
    private const string ResourceName = "Trilho.Compiler.platform.schema.json";

    private static readonly Lazy<string> LazyText = new(ReadText);

    private static readonly Lazy<JsonObject> LazyNode = new(() => (JsonObject)JsonNode.Parse(LazyText.Value)!);

    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        JsonSchema.FromText(LazyText.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The embedded schema text.</summary>
    public static string Text => LazyText.Value;

    /// <summary>The embedded schema as a JSON tree, to look up the keyword that failed.</summary>
    public static JsonObject Node => LazyNode.Value;

    /// <summary>The embedded schema, built for evaluation.</summary>
    public static JsonSchema Schema => LazySchema.Value;

    private static string ReadText()
    {
        using var stream = typeof(PlatformSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
