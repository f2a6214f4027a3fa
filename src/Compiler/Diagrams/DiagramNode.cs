namespace Trilho.Compiler.Diagrams;

/// <summary>One box of the diagram: the notable resources of one stack that share a label.</summary>
/// <param name="Id">Mermaid node id, unique in the diagram.</param>
/// <param name="Stack">The stack whose subgraph holds the box.</param>
/// <param name="Label">What the resources are.</param>
/// <param name="Count">How many resources of the stack the box stands for.</param>
/// <param name="Rank">Drawing order inside the subgraph.</param>
public sealed record DiagramNode(string Id, StackStep Stack, string Label, int Count, int Rank);
