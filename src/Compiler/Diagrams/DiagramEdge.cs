namespace Trilho.Compiler.Diagrams;

/// <summary>One arrow: a step of the request path (solid) or values wired between stacks (dotted).</summary>
/// <param name="From">Mermaid id of the source node or subgraph.</param>
/// <param name="To">Mermaid id of the target node or subgraph.</param>
/// <param name="Label">Text on the arrow; empty for none.</param>
/// <param name="Dotted">True for wiring, false for the request path.</param>
public sealed record DiagramEdge(string From, string To, string Label, bool Dotted);
