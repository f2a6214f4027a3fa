using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// The templates and deploy plans of every synthesized environment, in environment order, and what synthesis found wrong
/// (as Roslyn's EmitResult): CDK's own errors and AWS quotas the templates would break (TRL4xxx). With an error the
/// output must not be written; an environment CDK could not synthesize at all is missing from <see cref="Environments"/>.
/// </summary>
/// <param name="Environments">One entry per environment that synthesized.</param>
/// <param name="Diagnostics">Every emit diagnostic, sorted by line.</param>
public sealed record SynthesisResult(IReadOnlyList<EnvironmentSynthesis> Environments, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
