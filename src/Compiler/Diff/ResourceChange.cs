namespace Trilho.Compiler.Diff;

/// <summary>What happens to one resource, and why.</summary>
/// <param name="Stack">The stack holding the resource (for a removed resource, the stack of the old plan).</param>
/// <param name="LogicalId">The resource's logical ID in the template.</param>
/// <param name="Type">Its CloudFormation type (the new one when the type changes).</param>
/// <param name="Kind">Added, removed, modified in place, maybe replaced or replaced.</param>
/// <param name="Changes">The changed values, for a modified or replaced resource; empty otherwise.</param>
public sealed record ResourceChange(string Stack, string LogicalId, string Type, ChangeKind Kind, IReadOnlyList<PropertyChange> Changes)
{
    /// <summary>The key an acknowledgement names: <c>stack/LogicalId</c>.</summary>
    public string Key => $"{Stack}/{LogicalId}";

    /// <summary>Why losing this resource matters, or null when it holds no data or identity.</summary>
    public string? StatefulReason => StatefulResources.Reason(Type);

    /// <summary>Whether the deploy deletes the existing resource for sure: replaced or removed.</summary>
    public bool Destroys => Kind is ChangeKind.Replaced or ChangeKind.Removed;
}
