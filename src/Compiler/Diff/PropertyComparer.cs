using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diff;

/// <summary>Finds where two property values differ, as deep as the template shows it.</summary>
public static class PropertyComparer
{
    /// <summary>
    /// The paths at which <paramref name="before"/> and <paramref name="after"/> differ: the deepest property, list index
    /// or map key whose value changed, was added or was removed. An intrinsic function call is compared as one value
    /// (its arguments are not properties), so the path stops at the property holding it.
    /// </summary>
    public static IEnumerable<PropertyPath> Differences(JsonNode? before, JsonNode? after, PropertyPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (JsonNode.DeepEquals(before, after))
        {
            yield break;
        }

        if (before is JsonObject beforeObject && after is JsonObject afterObject && !Intrinsics.IsCall(before) && !Intrinsics.IsCall(after))
        {
            var names = beforeObject.Select(p => p.Key).Union(afterObject.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                foreach (var difference in Differences(beforeObject[name], afterObject[name], path.Property(name)))
                {
                    yield return difference;
                }
            }

            yield break;
        }

        if (before is JsonArray beforeList && after is JsonArray afterList)
        {
            for (var i = 0; i < Math.Max(beforeList.Count, afterList.Count); i++)
            {
                var beforeItem = i < beforeList.Count ? beforeList[i] : null;
                var afterItem = i < afterList.Count ? afterList[i] : null;
                if (i >= beforeList.Count || i >= afterList.Count)
                {
                    // An added or removed item is a change of the item as a whole.
                    yield return path.Index(i);
                    continue;
                }

                foreach (var difference in Differences(beforeItem, afterItem, path.Index(i)))
                {
                    yield return difference;
                }
            }

            yield break;
        }

        yield return path;
    }
}
