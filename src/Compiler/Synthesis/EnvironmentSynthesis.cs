namespace Trilho.Compiler.Synthesis;

/// <summary>Everything synthesized for one environment.</summary>
/// <param name="Environment">The environment name.</param>
/// <param name="Plan">The deploy plan; its stacks carry the templates.</param>
/// <param name="Warnings">Warnings CDK reported while synthesizing, sorted.</param>
public sealed record EnvironmentSynthesis(string Environment, DeployPlan Plan, IReadOnlyList<string> Warnings)
{
    /// <summary>The stacks replayed from the per-stack cache instead of built (<see cref="SynthesisOptions.StackCacheDirectory"/>), in the order added.</summary>
    public IReadOnlyList<string> ReplayedStacks { get; init; } = [];
}
