using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Resolution;

/// <summary>
/// The origin of every value of one resolved environment, by field (<c>/apps/api/port</c>, <c>/ingress/host</c>,
/// <c>/domain</c>...). Filled by the merge (<see cref="SpecMerge"/>): what is not recorded was not written, so it is a default.
/// </summary>
public sealed class Origins : IEquatable<Origins>
{
    private readonly Dictionary<string, Origin> written = new(StringComparer.Ordinal);

    /// <param name="fallback">Where a default points when no enclosing section is written, e.g. <c>/environments/dev</c>.</param>
    public Origins(string fallback) => Fallback = fallback;

    /// <summary>No origins: every value reads as a default located at the top of the file.</summary>
    public static Origins None { get; } = new(string.Empty);

    /// <summary>Where a default points when no enclosing section is written.</summary>
    public string Fallback { get; }

    /// <summary>The origin of <paramref name="field"/>, a JSON Pointer into the top-level sections such as <c>/apps/api/port</c>.</summary>
    public Origin OfField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (written.TryGetValue(field, out var origin))
        {
            return origin;
        }

        for (var ancestor = JsonPointers.Parent(field); ancestor.Length > 0; ancestor = JsonPointers.Parent(ancestor))
        {
            if (written.TryGetValue(ancestor, out var section))
            {
                return new Origin(OriginKind.Default, field, section.Pointer);
            }
        }

        return new Origin(OriginKind.Default, field, Fallback);
    }

    /// <summary>The origin of the field named by <paramref name="segments"/>, e.g. <c>("apps", "api", "port")</c>.</summary>
    public Origin Of(params string[] segments) => OfField(JsonPointers.Of(segments));

    /// <summary>Every written value and section, in no particular order.</summary>
    internal IEnumerable<Origin> All => written.Values;

    /// <summary>Records that <paramref name="field"/> is written at <paramref name="pointer"/>.</summary>
    internal void Written(string field, OriginKind kind, string pointer) => written[field] = new Origin(kind, field, pointer);

    /// <inheritdoc/>
    public bool Equals(Origins? other) =>
        other is not null && Fallback == other.Fallback && written.Count == other.written.Count
        && written.All(w => other.written.TryGetValue(w.Key, out var o) && o == w.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Origins);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Fallback, written.Count);
}
