using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Golden;

/// <summary>
/// The layout approved templates are kept in: two-space indent, no needless escaping, LF, final newline. Trilho
/// writes templates minified; the approved copies stay indented so a diff of them reads like a diff of code.
/// </summary>
public static class ReviewLayout
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same JSON, indented for review.</summary>
    public static string Indent(string json) => JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";

    /// <summary>The same JSON with no whitespace between tokens (what a minified file must already be).</summary>
    public static string Minify(string json) => JsonNode.Parse(json)!.ToJsonString(Compact) + "\n";
}
