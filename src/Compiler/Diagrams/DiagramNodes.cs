using System.Text;

namespace Trilho.Compiler.Diagrams;

/// <summary>The boxes of a compiled environment, grouped per stack and label, and the box any resource belongs to.</summary>
public sealed class DiagramNodes
{
    private readonly Dictionary<(int Stack, string Label), DiagramNode> byLabel = [];

    /// <summary>Groups the notable resources of every stack of <paramref name="environment"/>.</summary>
    public DiagramNodes(CompiledEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var stack in environment.Stacks)
        {
            foreach (var (logicalId, _) in stack.Resources)
            {
                var resource = new ResourceRef(stack, logicalId);
                if (NotableResources.Label(resource) is not { } label)
                {
                    continue;
                }

                var key = (stack.Order, label);
                byLabel[key] = byLabel.TryGetValue(key, out var node)
                    ? node with { Count = node.Count + 1 }
                    : new DiagramNode($"{SubgraphId(stack)}_{Slug(label)}", stack, label, 1, NotableResources.Rank(resource.Type));
            }
        }
    }

    /// <summary>The boxes of <paramref name="stack"/> in drawing order.</summary>
    public IEnumerable<DiagramNode> Of(StackStep stack) =>
        byLabel.Values.Where(n => n.Stack == stack).OrderBy(n => n.Rank).ThenBy(n => n.Label, StringComparer.Ordinal);

    /// <summary>The id of <paramref name="resource"/>'s box, or of its stack's subgraph when it has none.</summary>
    public string IdOf(ResourceRef resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return NotableResources.Label(resource) is { } label && byLabel.TryGetValue((resource.Stack.Order, label), out var node)
            ? node.Id
            : SubgraphId(resource.Stack);
    }

    /// <summary>The Mermaid id of <paramref name="stack"/>'s subgraph.</summary>
    public static string SubgraphId(StackStep stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return $"s{stack.Order}";
    }

    private static string Slug(string label)
    {
        var slug = new StringBuilder();
        foreach (var c in label)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return slug.ToString();
    }
}
