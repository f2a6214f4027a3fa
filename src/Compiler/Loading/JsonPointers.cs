using System.Text.Json.Nodes;

namespace Trilho.Compiler.Loading;

/// <summary>JSON Pointer helpers: build, split, and show a pointer the way platform.yaml reads (<c>apps.backend.scale.min</c>).</summary>
public static class JsonPointers
{
    /// <summary>The pointer of <paramref name="segments"/>, escaped.</summary>
    public static string Of(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return string.Concat(segments.Select(s => "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }

    /// <summary>The unescaped segments of <paramref name="pointer"/>.</summary>
    public static IReadOnlyList<string> Split(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        return pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The parent pointer ("" for a top-level key).</summary>
    public static string Parent(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer[..slash];
    }

    /// <summary>The node at <paramref name="pointer"/>, or null.</summary>
    public static JsonNode? Find(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var segment in Split(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>How people read the pointer: dotted keys, list indexes in brackets; "the file" for the root.</summary>
    public static string Display(JsonNode? root, string pointer)
    {
        var text = new System.Text.StringBuilder();
        var node = root;
        foreach (var segment in Split(pointer))
        {
            if (node is JsonArray array && int.TryParse(segment, out var index))
            {
                text.Append('[').Append(segment).Append(']');
                node = index >= 0 && index < array.Count ? array[index] : null;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(segment);
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return text.Length == 0 ? "the file" : text.ToString();
    }
}
