using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diff;

/// <summary>Compares the resources of one stack's old and new template, the way CloudFormation would update it.</summary>
public sealed class TemplateComparer(ReplacementCatalog catalog)
{
    private const string PropertiesKey = "Properties";
    private const string TypeKey = "Type";

    /// <summary>
    /// Every resource that is added, removed, modified or replaced, in the order of the templates (removed ones first).
    /// A resource whose unchanged value refers to a replaced resource changes too (its Ref or attribute value is new):
    /// reported as at most <see cref="ReplacementBehaviour.Maybe"/>, since an attribute may keep its value.
    /// </summary>
    public IReadOnlyList<ResourceChange> Compare(string stack, JsonObject? beforeTemplate, JsonObject? afterTemplate)
    {
        var before = beforeTemplate?["Resources"] as JsonObject ?? [];
        var after = afterTemplate?["Resources"] as JsonObject ?? [];
        var changes = new Dictionary<string, List<PropertyChange>>(StringComparer.Ordinal);
        var result = new List<ResourceChange>();

        foreach (var (logicalId, resource) in before)
        {
            if (!after.ContainsKey(logicalId))
            {
                result.Add(new ResourceChange(stack, logicalId, TypeOf(resource), ChangeKind.Removed, []));
            }
        }

        foreach (var (logicalId, resource) in after)
        {
            if (before[logicalId] is JsonObject old && resource is JsonObject current)
            {
                changes[logicalId] = [.. Changes(old, current)];
            }
        }

        // A replaced resource gets a new physical ID and maybe new attributes: whoever refers to it changes with it.
        for (var grew = true; grew;)
        {
            grew = false;
            var replaced = changes.Select(c => (c.Key, Kind: Kind(c.Value))).Where(c => c.Kind is ChangeKind.Replaced or ChangeKind.MaybeReplaced)
                .ToDictionary(c => c.Key, c => c.Kind == ChangeKind.MaybeReplaced, StringComparer.Ordinal);
            foreach (var (logicalId, list) in changes)
            {
                var type = TypeOf(after[logicalId]);
                foreach (var (path, referenced) in References(after[logicalId]?[PropertiesKey], PropertyPath.Root))
                {
                    var text = path.ToString();
                    if (replaced.TryGetValue(referenced, out var maybe) && referenced != logicalId && list.All(c => c.Path != text))
                    {
                        var documented = catalog.Lookup(type, path.Segments);
                        list.Add(new PropertyChange(text, documented == ReplacementBehaviour.No ? ReplacementBehaviour.No : ReplacementBehaviour.Maybe, referenced, maybe));
                        grew = true;
                    }
                }
            }
        }

        foreach (var (logicalId, resource) in after)
        {
            if (!before.ContainsKey(logicalId))
            {
                result.Add(new ResourceChange(stack, logicalId, TypeOf(resource), ChangeKind.Added, []));
            }
            else if (changes[logicalId] is { Count: > 0 } list)
            {
                result.Add(new ResourceChange(stack, logicalId, TypeOf(resource), Kind(list), list));
            }
        }

        return result;
    }

    private IEnumerable<PropertyChange> Changes(JsonObject before, JsonObject after)
    {
        var type = TypeOf(after);
        if (TypeOf(before) != type)
        {
            yield return new PropertyChange(TypeKey, ReplacementBehaviour.Yes);
            yield break;
        }

        foreach (var path in PropertyComparer.Differences(before[PropertiesKey], after[PropertiesKey], PropertyPath.Root))
        {
            yield return new PropertyChange(path.ToString(), catalog.Lookup(type, path.Segments));
        }

        // DeletionPolicy, DependsOn, Metadata, Condition, UpdatePolicy...: CloudFormation applies them without touching the resource.
        foreach (var attribute in before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (attribute is not (TypeKey or PropertiesKey) && !JsonNode.DeepEquals(before[attribute], after[attribute]))
            {
                yield return new PropertyChange(attribute, ReplacementBehaviour.No);
            }
        }
    }

    private static ChangeKind Kind(List<PropertyChange> changes) => changes.Count == 0
        ? ChangeKind.Modified
        : changes.Max(c => c.Behaviour) switch
        {
            ReplacementBehaviour.Yes => ChangeKind.Replaced,
            ReplacementBehaviour.Maybe => ChangeKind.MaybeReplaced,
            _ => ChangeKind.Modified,
        };

    private static IEnumerable<(PropertyPath Path, string Referenced)> References(JsonNode? node, PropertyPath path)
    {
        if (Intrinsics.IsCall(node))
        {
            foreach (var referenced in Intrinsics.References(node).Distinct(StringComparer.Ordinal))
            {
                yield return (path, referenced);
            }
        }
        else if (node is JsonObject properties)
        {
            foreach (var found in properties.SelectMany(p => References(p.Value, path.Property(p.Key))))
            {
                yield return found;
            }
        }
        else if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                foreach (var found in References(list[i], path.Index(i)))
                {
                    yield return found;
                }
            }
        }
    }

    private static string TypeOf(JsonNode? resource) => resource?[TypeKey]?.GetValue<string>() ?? "(no type)";
}
