namespace Trilho.Compiler.Cli.Init;

/// <summary>
/// The GitHub Actions the generated workflows use, each pinned by full commit SHA: a tag can be moved to other code
/// by whoever controls the action's repository, a commit cannot (GitHub, "Security hardening for GitHub Actions").
/// This repository's own workflows use the same commits (ActionPinningTests checks it), and
/// docs/decisions/0012-deploy-concurrency-and-retry.md says where each commit was checked.
/// </summary>
internal static class PinnedActions
{
    public static readonly PinnedAction Checkout = new("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");
    public static readonly PinnedAction SetupDotnet = new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");
    public static readonly PinnedAction SetupNode = new("actions/setup-node", "39370e3970a6d050c480ffad4ff0ed4d3fdee5af", "v4.1.0");
    public static readonly PinnedAction UploadArtifact = new("actions/upload-artifact", "65c4c4a1ddee5b72f698fdd19549f0f0fb45cf08", "v4.6.0");
    public static readonly PinnedAction DownloadArtifact = new("actions/download-artifact", "fa0a91b85d4f404e444e00e005971372dc801d16", "v4.1.8");
    public static readonly PinnedAction ConfigureAwsCredentials = new("aws-actions/configure-aws-credentials", "e3dd6a429d7300a6a4c196c26e071d42e0343502", "v4.0.2");

    /// <summary>Every pinned action, one release each.</summary>
    public static IReadOnlyList<PinnedAction> All { get; } = [Checkout, SetupDotnet, SetupNode, UploadArtifact, DownloadArtifact, ConfigureAwsCredentials];
}

/// <summary>An action at one commit, and the release that commit is.</summary>
internal sealed record PinnedAction(string Action, string Commit, string Release)
{
    /// <summary>The value of a step's <c>uses:</c>.</summary>
    public string Reference => $"{Action}@{Commit}";

    /// <summary>The <c>uses:</c> value with the release in a line comment, as the workflows write it.</summary>
    public string Uses => $"{Reference} # {Release}";
}
