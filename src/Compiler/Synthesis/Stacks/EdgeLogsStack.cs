using Trilho.Compiler.Emit;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>
/// <c>-edge-logs</c>, in <see cref="Regions.Global"/> because CloudFront's log delivery source exists only there: the
/// distribution's access logs in CloudWatch Logs and the static apps' per-path metrics (ADR 0011). Imports the
/// distribution id from the edge stack in the environment's region.
/// </summary>
internal static class EdgeLogsStack
{
    /// <summary>Adds the stack.</summary>
    public static void Add(StackGraph graph, ResolvedEnvironment environment, EdgeOutputs edge)
    {
        var node = graph.Add(EmitNames.EdgeLogsStack(environment), Regions.Global, "CloudFront access logs in CloudWatch Logs and the static apps' per-path metrics", inputs: StackInputs.Environment);
        if (node.Replayed is not null)
        {
            return;
        }

        _ = new EdgeLogs(node.Stack, "EdgeLogs", environment, node.Import("DistributionId", edge.DistributionId));
    }
}
