using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Finds which written value of platform.yaml an emitted text was built from, through the environment's
/// <see cref="Origins"/>: an AWS limit a long name or description breaks is reported at the line of the longest value
/// (or id) it contains, the one whose shortening helps most, instead of at the app or environment as a whole.
/// </summary>
internal sealed class WrittenValues
{
    // Shorter values (e.g. "dev", "api") appear by chance in unrelated texts.
    private const int MinimumLength = 4;

    private readonly List<(string Text, string Pointer, bool Key)> candidates = [];
    private readonly LoadedDocument? document;

    public WrittenValues(LoadedDocument? document, ResolvedEnvironment environment)
    {
        this.document = document;
        if (document?.Root is null)
        {
            return;
        }

        foreach (var origin in environment.Origins.All)
        {
            if (JsonPointers.Find(document.Root, origin.Pointer) is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                candidates.Add((value.GetValue<string>(), origin.Pointer, false));
            }
            else if (JsonPointers.Split(origin.Field) is [_, var id] && JsonPointers.Find(document.Root, origin.Pointer) is JsonObject)
            {
                // An entry of apps or teams: its id goes into names, and is written at the top-level key.
                candidates.Add((id, origin.Field, true));
            }
        }

        candidates.Add((environment.Platform, "/platform", false));
        candidates.Add((environment.Name, JsonPointers.Of("environments", environment.Name), true));
        // Longest first; on a tie an id's own key beats a value naming it (a team's id, not an app's `team: <id>`): that is where it is renamed.
        candidates.Sort((a, b) => b.Text.Length != a.Text.Length ? b.Text.Length - a.Text.Length
            : a.Key != b.Key ? b.Key.CompareTo(a.Key)
            : string.CompareOrdinal(a.Pointer, b.Pointer));
    }

    /// <summary>The line of the longest written value or id <paramref name="text"/> contains, or null.</summary>
    public SourceLocation? In(string text)
    {
        foreach (var (value, pointer, key) in candidates)
        {
            if (value.Length >= MinimumLength && text.Contains(value, StringComparison.Ordinal))
            {
                return document!.LocationOf(pointer, key);
            }
        }

        return null;
    }
}
