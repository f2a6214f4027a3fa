using System.Globalization;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Diff;

/// <summary>
/// Judges an <see cref="EnvironmentDiff"/>: replacing or deleting a stateful resource is an error unless acknowledged,
/// a possible replacement of one is a warning, an acknowledgement matching nothing is a warning. Exit code 1 when an
/// error remains, else 0.
/// </summary>
public sealed class DiffReport
{
    private readonly EnvironmentDiff diff;
    private readonly string environment;

    /// <summary>Judges <paramref name="diff"/>; <paramref name="environment"/> names the platform.yaml environment the hints point at.</summary>
    public DiffReport(EnvironmentDiff diff, string environment)
    {
        ArgumentNullException.ThrowIfNull(diff);
        this.diff = diff;
        this.environment = environment;
        Diagnostics = [.. Judge()];
    }

    /// <summary>TRL6001-TRL6004, in stack and resource order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>1 when a stateful resource is replaced or deleted without acknowledgement, else 0.</summary>
    public int ExitCode => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;

    /// <summary>Whether the deploy would replace or delete <paramref name="change"/> (or may replace it) and the new plan allows it.</summary>
    public bool IsAcknowledged(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return diff.Acknowledged.Contains(change.Key, StringComparer.Ordinal);
    }

    /// <summary>Writes the report: per stack, each changed resource with its changes; then the diagnostics and a summary line.</summary>
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"trilho diff: {diff.Before} -> {diff.After} (replacement data: {diff.Source})");
        var unchanged = 0;
        foreach (var stack in diff.Stacks)
        {
            if (stack.Kind == StackChangeKind.Kept && stack.Resources.Count == 0)
            {
                unchanged++;
                continue;
            }

            output.WriteLine();
            output.WriteLine(stack.Kind switch
            {
                StackChangeKind.Added => $"stack {stack.Name} ({stack.Region}): ADDED with {Count(stack.Resources.Count, "resource")}",
                StackChangeKind.Removed => $"stack {stack.Name} ({stack.Region}): REMOVED from the plan; deleting it deletes {Count(stack.Resources.Count, "resource")}",
                _ => $"stack {stack.Name} ({stack.Region}): {Summary(stack.Resources)}",
            });
            foreach (var resource in stack.Resources)
            {
                output.WriteLine($"  {Label(resource.Kind),-16}{resource.LogicalId} ({resource.Type}){Notes(resource)}");
                foreach (var change in resource.Changes)
                {
                    output.WriteLine($"      {change}");
                }
            }
        }

        if (unchanged > 0)
        {
            output.WriteLine();
            output.WriteLine($"unchanged: {Count(unchanged, "stack")}");
        }

        output.WriteLine();
        foreach (var diagnostic in Diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }

        var blocking = Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        output.WriteLine($"trilho diff: {Summary([.. diff.Resources])}; " + (blocking == 0
            ? "no unacknowledged replacement or deletion of a stateful resource"
            : $"{Count(blocking, "unacknowledged replacement or deletion")} of a stateful resource"));
    }

    private IEnumerable<Diagnostic> Judge()
    {
        var destroyed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in diff.Stacks)
        {
            foreach (var change in stack.Resources)
            {
                if (change.Kind is ChangeKind.Replaced or ChangeKind.Removed or ChangeKind.MaybeReplaced)
                {
                    destroyed.Add(change.Key);
                }

                if (change.StatefulReason is not { } reason || IsAcknowledged(change))
                {
                    continue;
                }

                switch (change.Kind)
                {
                    case ChangeKind.Replaced:
                        yield return DiagnosticCatalog.StatefulReplaced.Create(null, change.Key, change.Type, Paths(change, ReplacementBehaviour.Yes), reason, environment);
                        break;
                    case ChangeKind.MaybeReplaced:
                        yield return DiagnosticCatalog.StatefulMaybeReplaced.Create(null, change.Key, change.Type, Paths(change, ReplacementBehaviour.Maybe), reason, environment);
                        break;
                    case ChangeKind.Removed:
                        yield return DiagnosticCatalog.StatefulDeleted.Create(null, change.Key, change.Type, HowDeleted(stack, change), reason, environment);
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var stale in diff.Acknowledged.Where(a => !destroyed.Contains(a)))
        {
            yield return DiagnosticCatalog.StaleAcknowledgement.Create(null, environment, stale);
        }
    }

    private string HowDeleted(StackChange stack, ResourceChange change)
    {
        if (stack.Kind == StackChangeKind.Removed)
        {
            var successor = diff.Stacks.FirstOrDefault(s => s.Kind == StackChangeKind.Added && s.Resources.Any(r => r.LogicalId == change.LogicalId && r.Type == change.Type));
            return successor is null
                ? $"its stack {stack.Name} is gone from the plan"
                : $"its stack {stack.Name} is gone from the plan, and {successor.Name} creates a new, empty one in its place (a renamed platform or environment renames every stack)";
        }

        var renamed = stack.Resources.FirstOrDefault(r => r.Kind == ChangeKind.Added && r.Type == change.Type);
        return renamed is null
            ? "it is gone from the template"
            : $"it is gone from the template, and {renamed.LogicalId} of the same type is added: a changed logical ID is a delete plus a create";
    }

    private static string Paths(ResourceChange change, ReplacementBehaviour behaviour) =>
        string.Join(", ", change.Changes.Where(c => c.Behaviour == behaviour).Select(c => c.ReferencedResource is null ? c.Path : $"{c.Path} ({c.Because})"));

    private string Notes(ResourceChange change)
    {
        var notes = new List<string>();
        if (change.StatefulReason is not null && change.Kind is not (ChangeKind.Added or ChangeKind.Modified))
        {
            notes.Add("stateful");
            if (IsAcknowledged(change))
            {
                notes.Add("acknowledged");
            }
        }

        return notes.Count == 0 ? string.Empty : $"  [{string.Join(", ", notes)}]";
    }

    private static string Label(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "REMOVED",
        ChangeKind.Modified => "modified",
        ChangeKind.MaybeReplaced => "MAYBE REPLACED",
        _ => "REPLACED",
    };

    private static string Summary(IReadOnlyCollection<ResourceChange> changes)
    {
        var parts = new[]
        {
            (ChangeKind.Replaced, "replaced"),
            (ChangeKind.MaybeReplaced, "maybe replaced"),
            (ChangeKind.Removed, "removed"),
            (ChangeKind.Modified, "modified"),
            (ChangeKind.Added, "added"),
        };
        var text = parts.Select(p => (Count: changes.Count(c => c.Kind == p.Item1), Name: p.Item2)).Where(p => p.Count > 0)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Name}"));
        return changes.Count == 0 ? "no resource changes" : string.Join(", ", text);
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
