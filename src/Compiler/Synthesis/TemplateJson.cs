using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Synthesis;

/// <summary>Rewrites JSON into Trilho's one stable layout: two-space indent, no needless escaping, LF, final newline.</summary>
internal static class TemplateJson
{
    private static readonly JsonSerializerOptions Layout = new()
    {
        WriteIndented = true,
        // CloudFront Function code and descriptions stay readable: no \u0027 for quotes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented for review; compact (same JSON, no whitespace) only when the indented form would not deploy without S3.</summary>
    public static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!;
        var indented = Write(node);
        return System.Text.Encoding.UTF8.GetByteCount(indented) <= StackTemplate.InlineTemplateLimit ? indented : node.ToJsonString(Compact) + "\n";
    }

    public static string Write(JsonNode node) => node.ToJsonString(Layout) + "\n";

    /// <summary>The resource types a template declares.</summary>
    public static IEnumerable<string> ResourceTypes(string template)
    {
        var resources = JsonNode.Parse(template)?["Resources"]?.AsObject();
        return resources is null ? [] : resources.Select(r => r.Value?["Type"]?.GetValue<string>() ?? string.Empty);
    }
}
