namespace Trilho.Compiler.Synthesis;

/// <summary>How to deploy one environment with <c>aws cloudformation deploy</c> alone.</summary>
/// <param name="Platform">The platform name.</param>
/// <param name="Environment">The environment name.</param>
/// <param name="Account">The account every stack must deploy into (each template also asserts it).</param>
/// <param name="Stacks">Stacks in deploy order.</param>
/// <param name="Images">Images to push after <paramref name="PushImagesAfter"/> and before the app stacks, or empty.</param>
/// <param name="PushImagesAfter">The stack after which images can be pushed (it creates the repositories), or null without api apps.</param>
/// <param name="Tasks">One-off tasks to run and wait for, each right after its stack; null or empty for none.</param>
public sealed record DeployPlan(
    string Platform,
    string Environment,
    string Account,
    IReadOnlyList<StackTemplate> Stacks,
    IReadOnlyList<ImagePush> Images,
    string? PushImagesAfter,
    IReadOnlyList<TaskRun>? Tasks = null)
{
    /// <summary>Resources (<c>stack/LogicalId</c>) the next deploy may replace or delete, which <c>trilho diff</c> reports as acknowledged.</summary>
    public IReadOnlyList<string> AcknowledgedReplacements { get; init; } = [];
}
