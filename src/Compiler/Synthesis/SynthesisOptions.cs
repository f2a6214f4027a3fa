using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Synthesis;

/// <summary>Options of <see cref="PlatformSynthesizer.Synthesize"/>.</summary>
public sealed record SynthesisOptions
{
    /// <summary>Only this environment, or null for all of them.</summary>
    public string? Environment { get; init; }

    /// <summary>Folder for CDK's scratch output (deleted afterwards). Default: a new folder under the system temp folder.</summary>
    public string? ScratchDirectory { get; init; }

    /// <summary>Extensions applied, in order, to each environment's stacks after Trilho's own constructs exist and before synthesis (docs/library.md).</summary>
    public IReadOnlyList<IPlatformExtension> Extensions { get; init; } = [];

    /// <summary>
    /// Folder of the per-stack cache (docs/decisions/0019-synthesis-cache.md): an app's stacks whose inputs are unchanged
    /// are replayed from it instead of built, and the ones built are stored. Not used with <see cref="Extensions"/>, which
    /// may change any stack. Default: none; every stack is built.
    /// </summary>
    public string? StackCacheDirectory { get; init; }

    /// <summary>The platform.yaml the platform was resolved from (<see cref="FrontEndResult.Document"/>), so that emit diagnostics point at its lines. Default: none; they carry no location.</summary>
    public LoadedDocument? Document { get; init; }
}
