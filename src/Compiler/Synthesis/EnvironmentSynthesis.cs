namespace Trilho.Compiler.Synthesis;

/// <summary>Everything synthesized for one environment.</summary>
/// <param name="Environment">The environment name.</param>
/// <param name="Plan">The deploy plan; its stacks carry the templates.</param>
/// <param name="Warnings">Warnings CDK reported while synthesizing, sorted.</param>
public sealed record EnvironmentSynthesis(string Environment, DeployPlan Plan, IReadOnlyList<string> Warnings);
