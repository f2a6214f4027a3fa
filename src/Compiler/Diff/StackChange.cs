namespace Trilho.Compiler.Diff;

/// <summary>What happens to one stack: in both plans, only in the new one, or only in the old one.</summary>
public enum StackChangeKind
{
    /// <summary>In both plans (same name and region).</summary>
    Kept,

    /// <summary>Only in the new plan: created with all its resources.</summary>
    Added,

    /// <summary>Only in the old plan: deleting it deletes its resources (a renamed platform or environment renames every stack).</summary>
    Removed,
}

/// <summary>One stack's changes.</summary>
/// <param name="Name">The stack name.</param>
/// <param name="Region">Its region.</param>
/// <param name="Kind">Kept, added or removed.</param>
/// <param name="Resources">Its changed resources; every resource of an added or removed stack.</param>
public sealed record StackChange(string Name, string Region, StackChangeKind Kind, IReadOnlyList<ResourceChange> Resources);
