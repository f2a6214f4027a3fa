using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Rewrites JSON into Trilho's stable layouts: templates minified (no whitespace between tokens, so more fits in the
/// 51,200 bytes CloudFormation takes without an upload bucket), other files two-space indented; both without
/// needless escaping, LF, final newline. Reviewers read templates through the indented golden copies.
/// </summary>
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

    /// <summary>A template as written to disk and deployed: minified, same JSON (ADR 0012).</summary>
    public static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Compact) + "\n";

    public static string Write(JsonNode node) => node.ToJsonString(Layout) + "\n";

    /// <summary>The resource types a template declares.</summary>
    public static IEnumerable<string> ResourceTypes(string template)
    {
        var resources = JsonNode.Parse(template)?["Resources"]?.AsObject();
        return resources is null ? [] : resources.Select(r => r.Value?["Type"]?.GetValue<string>() ?? string.Empty);
    }
}
