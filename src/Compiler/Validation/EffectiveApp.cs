using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Validation;

/// <summary>An app in one environment after its override, able to say whether a field came from the override so that errors point there.</summary>
internal sealed record EffectiveApp(ValidationContext Context, string Environment, Profile Profile, string Id, AppSpec App, bool HasOverride)
{
    /// <summary>The pointer of a field: the override's node when the override sets it, else the app's own.</summary>
    public string PointerOf(params string[] field) =>
        FromOverride(field) ? OverridePointer(field) : JsonPointers.Of(["apps", Id, .. field]);

    /// <summary>True when the environment's override sets the field.</summary>
    public bool FromOverride(params string[] field) => HasOverride && Context.Exists(OverridePointer(field));

    /// <summary>" in environment 'x'" when any of the fields comes from that environment's override, else nothing: the problem is the same everywhere.</summary>
    public string Where(params string[][] fields) =>
        fields.Any(f => FromOverride(f)) ? $" in environment '{Environment}'" : string.Empty;

    private string OverridePointer(string[] field) => JsonPointers.Of(["environments", Environment, "apps", Id, .. field]);
}
