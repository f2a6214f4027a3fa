using System.Text;

namespace Trilho.Compiler.Diff;

/// <summary>A position inside a resource's properties: names, list indexes and map keys, as they appear in the template.</summary>
public sealed class PropertyPath
{
    private readonly List<(string Segment, bool IsIndex)> segments;

    private PropertyPath(List<(string Segment, bool IsIndex)> segments) => this.segments = segments;

    /// <summary>The path of the properties section itself.</summary>
    public static PropertyPath Root { get; } = new([]);

    /// <summary>The segments, list indexes as decimal text, for <see cref="ReplacementCatalog.Lookup"/>.</summary>
    public IReadOnlyList<string> Segments => segments.Select(s => s.Segment).ToList();

    /// <summary>This path followed by property or map key <paramref name="name"/>.</summary>
    public PropertyPath Property(string name) => new([.. segments, (name, false)]);

    /// <summary>This path followed by list index <paramref name="index"/>.</summary>
    public PropertyPath Index(int index) => new([.. segments, (index.ToString(System.Globalization.CultureInfo.InvariantCulture), true)]);

    /// <summary>E.g. <c>LifecycleConfiguration.Rules[0].Status</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (segment, isIndex) in segments)
        {
            if (isIndex)
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append(segment);
            }
        }

        return text.ToString();
    }
}
