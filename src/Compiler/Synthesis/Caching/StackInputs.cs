using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// What a stack is built from, for its key in the per-stack cache (<see cref="StackKeys"/>): always the environment and
/// every app's id, team, path and other shared fields; in full only <see cref="Owner"/>, and of the other apps the
/// fields in <see cref="AppFieldsRead"/> besides.
/// </summary>
/// <param name="Owner">The app whose stack it is, or null for a stack of the environment.</param>
/// <param name="AppFieldsRead">Fields of <see cref="StackKeys.OwnStacksOnly"/> the stack reads of every app.</param>
public sealed record StackInputs(ResolvedApp? Owner, IReadOnlySet<string> AppFieldsRead)
{
    private static readonly HashSet<string> None = [];

    /// <summary>A stack of the environment that reads no app's own-stack fields.</summary>
    public static StackInputs Environment { get; } = new(null, None);

    /// <summary>A stack of the environment that reads every field of every app.</summary>
    public static StackInputs EnvironmentAndAllApps { get; } = new(null, StackKeys.OwnStacksOnly);

    /// <summary>One of <paramref name="app"/>'s own stacks.</summary>
    public static StackInputs App(ResolvedApp app) => new(app, None);

    /// <summary>A stack of the environment that also reads <paramref name="appFields"/> of every app.</summary>
    public static StackInputs EnvironmentAnd(params string[] appFields) => new(null, appFields.ToHashSet(StringComparer.Ordinal));
}
