namespace Trilho.Compiler.Diff;

/// <summary>What a deploy of the new templates does to one resource.</summary>
public enum ChangeKind
{
    /// <summary>Created.</summary>
    Added,

    /// <summary>Deleted: gone from its template, or its whole stack is gone from the plan.</summary>
    Removed,

    /// <summary>Updated in place.</summary>
    Modified,

    /// <summary>Possibly replaced: a change AWS documents as conditional, or a value depending on a replaced resource.</summary>
    MaybeReplaced,

    /// <summary>Replaced: a new resource is created and the old one deleted.</summary>
    Replaced,
}
