using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Schema;

/// <summary>
/// What is left of a document with schema errors for the semantic rules to judge: every value the schema rejects is
/// removed (an optional field then takes its default; a section that loses a required key goes as a whole), until the
/// rest is schema-valid. Problems in what remains are independent of the schema errors and are reported in the same run.
/// </summary>
internal static class SchemaRepair
{
    // Each round removes at least one node; real documents settle in two or three.
    private const int MaxRounds = 16;

    /// <summary>
    /// The schema-valid remainder of <paramref name="root"/> and the pointers removed from it, or null when nothing
    /// meaningful remains (a top-level required key such as <c>apps</c> is missing or invalid).
    /// </summary>
    public static (JsonNode Root, IReadOnlyList<string> Removed)? Repair(JsonNode root)
    {
        var copy = root.DeepClone();
        var removed = new List<string>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var results = PlatformSchema.Schema.Evaluate(JsonSerializer.SerializeToElement(copy), new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Hierarchical });
            if (results.IsValid)
            {
                return (copy, removed);
            }

            var failing = MisindentedKeys.Failures(results).Select(f => f.Instance).Distinct().ToList();
            if (failing.Contains(string.Empty))
            {
                return null;
            }

            // A bad list item takes its list along: removing items one by one would shift the pointers of the others.
            var targets = failing
                .Select(p => JsonPointers.Find(copy, JsonPointers.Parent(p)) is JsonArray ? JsonPointers.Parent(p) : p)
                .Distinct()
                .ToList();
            foreach (var pointer in targets.Where(p => !targets.Any(other => other.Length < p.Length && IsUnder(p, other))))
            {
                if (JsonPointers.Find(copy, JsonPointers.Parent(pointer)) is JsonObject parent)
                {
                    var key = JsonPointers.Split(pointer)[^1];
                    if (Stub(JsonPointers.Parent(pointer), key) is { } stub)
                    {
                        parent[key] = stub;
                    }
                    else
                    {
                        parent.Remove(key);
                    }
                }

                removed.Add(pointer);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="pointer"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public static bool IsUnder(string pointer, string ancestor) =>
        pointer == ancestor || pointer.StartsWith(ancestor + "/", StringComparison.Ordinal);

    // A broken team, app or environment is replaced by a minimal valid one instead of removed: other sections that name
    // it still find it (the rules skip what it contains), and the last team or environment leaves no section empty.
    private static JsonObject? Stub(string section, string id) => section switch
    {
        "/teams" when Regex.IsMatch(id, Patterns.Id) => new JsonObject { ["name"] = id, ["email"] = "removed@example.invalid" },
        "/apps" when Regex.IsMatch(id, Patterns.Id) => new JsonObject { ["type"] = "api", ["team"] = "removed", ["path"] = $"/trilho-removed-{id}" },
        "/environments" when Regex.IsMatch(id, Patterns.EnvironmentId) => new JsonObject { ["account"] = "000000000000" },
        _ => null,
    };
}
