using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diff;

/// <summary>
/// Which property changes replace a resource, per CloudFormation resource type: the extract of
/// <c>@aws-cdk/aws-service-spec</c> that <c>scripts/extract-replacement-data.mjs</c> writes into
/// <c>replacement-data.json</c> (embedded in this assembly).
/// </summary>
public sealed class ReplacementCatalog
{
    private const string ResourceName = "Trilho.Compiler.Diff.replacement-data.json";

    private static readonly Lazy<ReplacementCatalog> Embedded = new(Load);

    private readonly JsonObject resources;
    private readonly JsonObject types;

    private ReplacementCatalog(string source, JsonObject resources, JsonObject types)
    {
        Source = source;
        this.resources = resources;
        this.types = types;
    }

    /// <summary>The catalog shipped with Trilho.</summary>
    public static ReplacementCatalog Default => Embedded.Value;

    /// <summary>The package and version the data was extracted from, e.g. <c>@aws-cdk/aws-service-spec@0.1.216</c>.</summary>
    public string Source { get; }

    /// <summary>Whether the specification knows <paramref name="resourceType"/>.</summary>
    public bool Knows(string resourceType) => resources.ContainsKey(resourceType);

    /// <summary>
    /// The documented behaviour of a change at <paramref name="path"/> (property names, with list indexes and map keys as
    /// they appear in the template) of a <paramref name="resourceType"/>: the strongest behaviour along the path, since
    /// a change inside a property that replaces the resource replaces it too. An unknown type is <see cref="ReplacementBehaviour.Maybe"/>.
    /// </summary>
    public ReplacementBehaviour Lookup(string resourceType, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (resources[resourceType] is not JsonObject properties)
        {
            return ReplacementBehaviour.Maybe;
        }

        var result = ReplacementBehaviour.No;
        for (var i = 0; i < path.Count; i++)
        {
            switch (properties[path[i]])
            {
                case JsonValue value:
                    return Max(result, Parse(value.GetValue<string>()));
                case JsonArray { Count: 3 } nested:
                    result = Max(result, Parse(nested[0]!.GetValue<string>()));
                    if (types[nested[1]!.GetValue<string>()] is not JsonObject inner)
                    {
                        return result;
                    }

                    properties = inner;
                    // A list index or map key sits between the property and the nested type's properties.
                    if (nested[2]!.GetValue<string>() is "list" or "map")
                    {
                        i++;
                    }

                    break;
                default:
                    return result;
            }
        }

        return result;
    }

    private static ReplacementBehaviour Max(ReplacementBehaviour a, ReplacementBehaviour b) => a > b ? a : b;

    private static ReplacementBehaviour Parse(string text) => text switch
    {
        "yes" => ReplacementBehaviour.Yes,
        "maybe" => ReplacementBehaviour.Maybe,
        _ => ReplacementBehaviour.No,
    };

    private static ReplacementCatalog Load()
    {
        using var stream = typeof(ReplacementCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        var root = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"{ResourceName} is not a JSON object");
        return new ReplacementCatalog(
            root["source"]!.GetValue<string>(),
            root["resources"] as JsonObject ?? [],
            root["types"] as JsonObject ?? []);
    }
}
