using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>What every semantic rule reads (the bound spec and where each value sits in the file) and where it reports.</summary>
internal sealed class ValidationContext(LoadedDocument document, PlatformSpec spec, IReadOnlyList<EnvironmentLayer> layers, IReadOnlyList<string> removed)
{
    // An environment's override of a section belongs to the section: a broken app makes its overrides meaningless too.
    private static readonly string[] Overridable = [.. ModelField.Of(typeof(EnvironmentSpec)).Where(f => f.OverridesTopLevel).Select(f => f.Name)];

    private readonly List<string> brokenScopes = removed.Select(r => Scope(Normalize(r))).Distinct().ToList();

    public LoadedDocument Document { get; } = document;

    public PlatformSpec Spec { get; } = spec;

    public List<Diagnostic> Diagnostics { get; } = [];

    public IReadOnlyDictionary<string, AppSpec> Apps => Spec.Apps ?? new Dictionary<string, AppSpec>();

    public IReadOnlyDictionary<string, TeamSpec> Teams => Spec.Teams ?? new Dictionary<string, TeamSpec>();

    public IReadOnlyDictionary<string, EnvironmentSpec> Environments => Spec.Environments ?? new Dictionary<string, EnvironmentSpec>();

    /// <summary>Each environment as resolution saw it (what was written, where, and the resolved values), by environment id.</summary>
    public IReadOnlyList<EnvironmentLayer> Layers { get; } = layers;

    public void Report(DiagnosticDescriptor descriptor, string pointer, bool preferKey, params object?[] args)
    {
        if (!IsMeaningless(pointer))
        {
            Diagnostics.Add(descriptor.Create(Document.LocationOf(pointer, preferKey), args));
        }
    }

    /// <summary>True when a schema error removed the team, app or environment <paramref name="id"/> of <paramref name="section"/>: it exists, only broken.</summary>
    public bool WasRemoved(string section, string id) => removed.Contains(JsonPointers.Of(section, id), StringComparer.Ordinal);

    // Under a section a schema error removed something from: judging the rest of it would report consequences, not causes.
    private bool IsMeaningless(string pointer)
    {
        var normalized = Normalize(pointer);
        return brokenScopes.Any(scope => normalized == scope || normalized.StartsWith(scope + "/", StringComparison.Ordinal));
    }

    // environments.<e>.apps.<x>... reads as apps.<x>..., and likewise for database, ingress and domain.
    private static string Normalize(string pointer)
    {
        var segments = JsonPointers.Split(pointer);
        return segments.Count >= 3 && segments[0] == "environments" && Overridable.Contains(segments[2], StringComparer.Ordinal)
            ? JsonPointers.Of([.. segments.Skip(2)])
            : pointer;
    }

    // The section a value belongs to: one team, app or environment, else the top-level key; domain and ingress go together.
    private static string Scope(string pointer)
    {
        var segments = JsonPointers.Split(pointer);
        return segments switch
        {
            [] => string.Empty,
            ["apps" or "teams" or "environments", var id, ..] => JsonPointers.Of(segments[0], id),
            ["domain", ..] => "/ingress",
            _ => JsonPointers.Of(segments[0]),
        };
    }

    public bool Exists(string pointer) => JsonPointers.Find(Document.Root, pointer) is not null;

    /// <summary>Each app as an environment sees it, with the override applied, and where each field comes from.</summary>
    public IEnumerable<EffectiveApp> EffectiveApps()
    {
        foreach (var layer in Layers)
        {
            var resolved = layer.Resolved.Apps.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var (id, app) in (layer.Written.Apps ?? new Dictionary<string, AppSpec>()).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                yield return new EffectiveApp(layer.Name, id, app, resolved[id], layer.Origins);
            }
        }
    }
}
