using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>Dotted arrows between stacks: the outputs the deploy plan feeds into later stacks' parameters (<c>fromStack</c>).</summary>
public static class StackWiring
{
    // Long output lists wrap so an arrow's label stays narrower than the boxes it joins.
    private const int NamesPerLine = 3;

    /// <summary>One arrow per producer and consumer stack, labelled with the outputs wired, in plan order.</summary>
    public static IReadOnlyList<DiagramEdge> Edges(CompiledEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var edges = new List<DiagramEdge>();
        foreach (var consumer in environment.Stacks)
        {
            var byProducer = consumer.Parameters
                .Select(p => p.Value as JsonObject)
                .Where(v => v?["fromStack"] is not null)
                .GroupBy(v => v!["fromStack"]!.GetValue<string>(), v => v!["output"]?.GetValue<string>() ?? "?")
                .Select(g => (Producer: environment.Stack(g.Key), Outputs: g.ToList()))
                .Where(g => g.Producer is not null)
                .OrderBy(g => g.Producer!.Order);
            foreach (var (producer, outputs) in byProducer)
            {
                var lines = outputs.Chunk(NamesPerLine).Select(chunk => string.Join(", ", chunk));
                edges.Add(new DiagramEdge(DiagramNodes.SubgraphId(producer!), DiagramNodes.SubgraphId(consumer), string.Join("<br/>", lines), Dotted: true));
            }
        }

        return edges;
    }
}
