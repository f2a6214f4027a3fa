using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>What every semantic rule reads (the bound spec and where each value sits in the file) and where it reports.</summary>
internal sealed class ValidationContext(LoadedDocument document, PlatformSpec spec)
{
    public LoadedDocument Document { get; } = document;

    public PlatformSpec Spec { get; } = spec;

    public List<Diagnostic> Diagnostics { get; } = [];

    public IReadOnlyDictionary<string, AppSpec> Apps => Spec.Apps ?? new Dictionary<string, AppSpec>();

    public IReadOnlyDictionary<string, TeamSpec> Teams => Spec.Teams ?? new Dictionary<string, TeamSpec>();

    public IReadOnlyDictionary<string, EnvironmentSpec> Environments => Spec.Environments ?? new Dictionary<string, EnvironmentSpec>();

    public void Report(DiagnosticDescriptor descriptor, string pointer, bool preferKey, params object?[] args) =>
        Diagnostics.Add(descriptor.Create(Document.LocationOf(pointer, preferKey), args));

    public bool Exists(string pointer) => JsonPointers.Find(Document.Root, pointer) is not null;

    /// <summary>Each app as an environment sees it, with the override applied, and where each field comes from.</summary>
    public IEnumerable<EffectiveApp> EffectiveApps()
    {
        foreach (var (environment, spec) in Environments.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (id, app) in Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var over = spec.Apps?.GetValueOrDefault(id);

                // A type override is its own error (TRL2015); judging the app as the other type would only add noise.
                yield return new EffectiveApp(this, environment, spec.Profile ?? Profile.Economy, id, EnvironmentResolver.Merge(app, over is null ? null : over with { Type = null }), over is not null);
            }
        }
    }
}
