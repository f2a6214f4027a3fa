using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Schema;

/// <summary>
/// Finds keys indented one level too far out: a key that fails where it is, but would be valid inside the mapping of
/// the key just above it. YAML reads such a key as a sibling of that mapping's owner, so the schema alone reports a
/// misleading "invalid name" or "unknown key"; moving the key into that mapping and validating again shows what the
/// author meant.
/// </summary>
internal static class MisindentedKeys
{
    /// <summary>
    /// For each failing key of <paramref name="root"/> (found from <paramref name="failures"/>) that is valid
    /// under the sibling mapping just above it: its pointer and that sibling's name. Outer keys win over keys inside them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Find(JsonNode? root, IReadOnlyCollection<(string Instance, string Evaluation)> failures, EvaluationOptions options)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        // Only a key the schema does not declare where it stands (an unknown key, or an entry of a map section such
        // as apps) can be misplaced: a declared key with a wrong value (port: "abc") is where it belongs.
        var undeclared = failures
            .Where(f => JsonPointers.Split(f.Instance) is [.., var key] && !JsonPointers.Split(f.Evaluation).TakeLast(2).SequenceEqual(["properties", key]))
            .Select(f => f.Instance)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var pointer in failures.Select(f => f.Instance).Distinct().Order(StringComparer.Ordinal))
        {
            var segments = JsonPointers.Split(pointer);
            for (var depth = 1; depth <= segments.Count; depth++)
            {
                var candidate = JsonPointers.Of([.. segments.Take(depth)]);
                if (found.ContainsKey(candidate))
                {
                    break;
                }

                if (tried.Add(candidate) && undeclared.Contains(candidate) && SiblingAbove(root, candidate) is { } sibling && ValidUnder(root!, candidate, sibling, options))
                {
                    found[candidate] = sibling;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="pointer"/> is <paramref name="key"/> or inside it.</summary>
    public static bool IsAtOrUnder(string pointer, string key) =>
        pointer == key || pointer.StartsWith(key + "/", StringComparison.Ordinal);

    /// <summary>Every instance location where <paramref name="result"/> reports a failed keyword, with the schema location that failed.</summary>
    public static IEnumerable<(string Instance, string Evaluation)> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        if (result.Errors is { Count: > 0 })
        {
            yield return (result.InstanceLocation.ToString(), result.EvaluationPath.ToString());
        }

        foreach (var failure in (result.Details ?? []).SelectMany(Failures))
        {
            yield return failure;
        }
    }

    /// <summary>
    /// The nearest key above <paramref name="pointer"/> in the same mapping whose value is a mapping, when that
    /// mapping lacks the key. Scalar keys in between are skipped: several keys in a row are often outdented together.
    /// </summary>
    private static string? SiblingAbove(JsonNode? root, string pointer)
    {
        if (JsonPointers.Find(root, JsonPointers.Parent(pointer)) is not JsonObject parent)
        {
            return null;
        }

        var key = JsonPointers.Split(pointer)[^1];
        string? previous = null;
        foreach (var (name, value) in parent)
        {
            if (name == key)
            {
                return previous is not null && parent[previous] is JsonObject above && !above.ContainsKey(key) ? previous : null;
            }

            if (value is JsonObject)
            {
                previous = name;
            }
        }

        return null;
    }

    private static bool ValidUnder(JsonNode root, string pointer, string sibling, EvaluationOptions options)
    {
        var moved = root.DeepClone();
        var parent = (JsonObject)JsonPointers.Find(moved, JsonPointers.Parent(pointer))!;
        var key = JsonPointers.Split(pointer)[^1];
        var value = parent[key];
        parent.Remove(key);
        ((JsonObject)parent[sibling]!)[key] = value;

        var target = JsonPointers.Parent(pointer) + JsonPointers.Of(sibling, key);
        var results = PlatformSchema.Schema.Evaluate(JsonSerializer.SerializeToElement(moved), options);
        return !Failures(results).Any(f => IsAtOrUnder(f.Instance, target));
    }
}
