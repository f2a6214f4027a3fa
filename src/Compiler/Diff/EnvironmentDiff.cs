using System.Text.Json.Nodes;
using Trilho.Compiler.Diagrams;

namespace Trilho.Compiler.Diff;

/// <summary>The changes between two compiled environments (two folders with deploy-plan.json and templates).</summary>
/// <param name="Before">The old plan's platform and environment, e.g. <c>desafio/dev</c>.</param>
/// <param name="After">The new plan's platform and environment.</param>
/// <param name="Stacks">Every stack of either plan, in the new plan's deploy order, then the removed ones.</param>
/// <param name="Acknowledged">The resources (<c>stack/LogicalId</c>) the new plan allows to be replaced or deleted.</param>
/// <param name="Source">The version of the replacement data, e.g. <c>@aws-cdk/aws-service-spec@0.1.216</c>.</param>
public sealed record EnvironmentDiff(string Before, string After, IReadOnlyList<StackChange> Stacks, IReadOnlyList<string> Acknowledged, string Source)
{
    /// <summary>Name of the deploy plan's field listing acknowledged replacements (written only when not empty).</summary>
    public const string AcknowledgedField = "acknowledgedReplacements";

    /// <summary>Every resource change of every stack.</summary>
    public IEnumerable<ResourceChange> Resources => Stacks.SelectMany(s => s.Resources);

    /// <summary>Compares the compiled environments in the folders <paramref name="beforeDirectory"/> and <paramref name="afterDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">A plan or one of its templates is missing.</exception>
    /// <exception cref="InvalidDataException">A plan is not a deploy plan.</exception>
    public static EnvironmentDiff Compare(string beforeDirectory, string afterDirectory) =>
        Compare(CompiledEnvironment.Load(beforeDirectory), CompiledEnvironment.Load(afterDirectory), ReadAcknowledged(afterDirectory), ReplacementCatalog.Default);

    /// <summary>Compares two loaded environments.</summary>
    public static EnvironmentDiff Compare(CompiledEnvironment before, CompiledEnvironment after, IReadOnlyList<string> acknowledged, ReplacementCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var comparer = new TemplateComparer(catalog);
        var stacks = new List<StackChange>();
        foreach (var stack in after.Stacks)
        {
            var old = before.Stacks.FirstOrDefault(s => Same(s, stack));
            stacks.Add(new StackChange(stack.Name, stack.Region, old is null ? StackChangeKind.Added : StackChangeKind.Kept, comparer.Compare(stack.Name, old?.Template, stack.Template)));
        }

        foreach (var stack in before.Stacks.Where(s => !after.Stacks.Any(a => Same(s, a))))
        {
            stacks.Add(new StackChange(stack.Name, stack.Region, StackChangeKind.Removed, comparer.Compare(stack.Name, stack.Template, null)));
        }

        return new EnvironmentDiff($"{before.Platform}/{before.Environment}", $"{after.Platform}/{after.Environment}", stacks, acknowledged, catalog.Source);
    }

    /// <summary>The <c>acknowledgedReplacements</c> of <paramref name="directory"/>/deploy-plan.json, or empty.</summary>
    public static IReadOnlyList<string> ReadAcknowledged(string directory)
    {
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, CompiledEnvironment.PlanFileName)));
        return (plan?[AcknowledgedField] as JsonArray ?? []).Select(a => a?.GetValue<string>() ?? string.Empty).ToList();
    }

    // A stack moved to another region is a new stack there; the old one stays where it was until deleted.
    private static bool Same(StackStep a, StackStep b) => a.Name == b.Name && a.Region == b.Region;
}
