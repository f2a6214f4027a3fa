using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>An app in one environment after its override: what was written, what it resolved to, and where each field comes from, so that errors point there.</summary>
/// <param name="Environment">The environment id.</param>
/// <param name="Id">The app id.</param>
/// <param name="App">The app as written for this environment (override merged, no defaults).</param>
/// <param name="Resolved">The app with every default applied.</param>
/// <param name="Origins">The environment's origins.</param>
internal sealed record EffectiveApp(string Environment, string Id, Model.AppSpec App, ResolvedApp Resolved, Origins Origins)
{
    /// <summary>Where a field of the app comes from.</summary>
    public Origin OriginOf(params string[] field) => Origins.Of(["apps", Id, .. field]);

    /// <summary>The pointer of a field: the override's node when the override sets it, else the app's own (or, for a default, the section it completes).</summary>
    public string PointerOf(params string[] field) => OriginOf(field).Pointer;

    /// <summary>True when the environment's override sets the field.</summary>
    public bool FromOverride(params string[] field) => OriginOf(field).Kind == OriginKind.Override;

    /// <summary>" in environment 'x'" when any of the fields comes from that environment's override, else nothing: the problem is the same everywhere.</summary>
    public string Where(params string[][] fields) =>
        fields.Any(FromOverride) ? $" in environment '{Environment}'" : string.Empty;
}
