namespace Trilho.Compiler.Synthesis;

/// <summary>The templates and deploy plans of every synthesized environment, in environment order.</summary>
/// <param name="Environments">One entry per environment.</param>
public sealed record SynthesisResult(IReadOnlyList<EnvironmentSynthesis> Environments);
