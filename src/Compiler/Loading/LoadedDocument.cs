using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Loading;

/// <summary>platform.yaml as a JSON tree, with the source position of every value and every mapping key by JSON Pointer.</summary>
public sealed class LoadedDocument
{
    internal LoadedDocument(string file, JsonNode? root, IReadOnlyDictionary<string, SourceLocation> values, IReadOnlyDictionary<string, SourceLocation> keys)
    {
        File = file;
        Root = root;
        ValueLocations = values;
        KeyLocations = keys;
    }

    /// <summary>Path of the file as given by the caller; diagnostics print it.</summary>
    public string File { get; }

    /// <summary>The document as JSON; null for an empty file.</summary>
    public JsonNode? Root { get; }

    /// <summary>Start of each value, by JSON Pointer ("" is the root).</summary>
    public IReadOnlyDictionary<string, SourceLocation> ValueLocations { get; }

    /// <summary>Start of each mapping key, by the JSON Pointer of its value.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; }

    /// <summary>Where a JSON Pointer points in the file: the value, else its nearest ancestor, else line 1.</summary>
    public SourceLocation LocationOf(string jsonPointer, bool preferKey = false)
    {
        for (var current = jsonPointer; ; current = Parent(current))
        {
            if (preferKey && KeyLocations.TryGetValue(current, out var key))
            {
                return key;
            }

            if (ValueLocations.TryGetValue(current, out var value))
            {
                return value;
            }

            if (current.Length == 0)
            {
                return new SourceLocation(File, 1, 1);
            }
        }
    }

    private static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer[..slash];
    }
}
