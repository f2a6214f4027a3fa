using System.Text.Json.Nodes;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>What a stack's <c>describe-stacks</c> status says about the resources it holds.</summary>
internal static class StackStatus
{
    /// <summary>
    /// The next deploy is still the stack's first create: it does not exist, or a first deploy failed before its change
    /// set ran (REVIEW_IN_PROGRESS), so it holds nothing yet.
    /// </summary>
    public static bool IsBeforeFirstCreate(JsonObject? description) =>
        description is null || Of(description) == "REVIEW_IN_PROGRESS";

    /// <summary>
    /// The stack holds no resource a deploy could lose: it was never created, or its first create rolled back
    /// (ROLLBACK_COMPLETE, or ROLLBACK_FAILED, whose leftovers never served anything).
    /// </summary>
    public static bool HoldsNothingToLose(JsonObject? description) =>
        IsBeforeFirstCreate(description) || Of(description!) is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED";

    /// <summary>The stack's status, e.g. UPDATE_COMPLETE.</summary>
    public static string? Of(JsonObject description) => DeployPlanFile.Text(description, "StackStatus");
}
