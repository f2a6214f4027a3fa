using Trilho.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Trilho.Compiler.Loading;

/// <summary>
/// A streaming pass over the YAML events before the tree is built. YamlDotNet's tree builder and the converter
/// recurse, so a recursive alias, very deep nesting or an alias "bomb" would overflow the stack or exhaust memory:
/// crashes no try/catch can turn into a diagnostic. The parser itself is iterative, so checking here is safe.
/// </summary>
internal static class YamlPreflight
{
    /// <summary>Deepest nesting accepted; platform.yaml needs about 6 levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most nodes accepted after expanding aliases; the samples have about 150.</summary>
    public const long MaxNodes = 100_000;

    /// <summary>The first structural problem, or null (also when the text is not valid YAML: the loader reports that).</summary>
    public static Diagnostic? Check(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Nodes)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            return DiagnosticCatalog.NestingTooDeep.Create(At(file, current.Start), MaxDepth);
                        }

                        open.Push((AnchorOf(current), 1));
                        total++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, nodes) = open.Pop();
                        if (anchor is not null)
                        {
                            sizes[anchor] = nodes;
                        }

                        AddToParent(open, nodes);
                        break;
                    case Scalar:
                        if (AnchorOf(current) is { } scalarAnchor)
                        {
                            sizes[scalarAnchor] = 1;
                        }

                        total++;
                        AddToParent(open, 1);
                        break;
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (open.Any(o => o.Anchor == name))
                        {
                            return DiagnosticCatalog.RecursiveAlias.Create(At(file, current.Start), name);
                        }

                        var size = sizes.GetValueOrDefault(name, 1);
                        total += size;
                        AddToParent(open, size);
                        break;
                }

                if (total > MaxNodes)
                {
                    return DiagnosticCatalog.DocumentTooLarge.Create(At(file, current.Start), MaxNodes);
                }
            }
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static string? AnchorOf(ParsingEvent e) => e is NodeEvent { Anchor.IsEmpty: false } node ? node.Anchor.Value : null;

    private static void AddToParent(Stack<(string? Anchor, long Nodes)> open, long nodes)
    {
        if (open.Count > 0)
        {
            var (anchor, count) = open.Pop();
            open.Push((anchor, count + nodes));
        }
    }

    private static SourceLocation At(string file, Mark mark) => new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
}
