namespace Trilho.Compiler.Cli.Delivery;

/// <summary>How <c>trilho deploy</c> runs a plan.</summary>
public sealed record DeployOptions
{
    /// <summary>Image tag per api app; apps without one keep the tag their stack runs.</summary>
    public IReadOnlyDictionary<string, string> ImageTags { get; init; } = new Dictionary<string, string>();

    /// <summary>Tag for api apps whose stack does not run one yet (first deploy).</summary>
    public string? DefaultImageTag { get; init; }

    /// <summary>Shell command run at the pushImages step per image that needs a new tag.</summary>
    public string? PushCommand { get; init; }

    /// <summary>platform.yaml whose apps' <c>source</c> builds and pushes the images at the pushImages step.</summary>
    public string? PushFrom { get; init; }

    /// <summary>Deploy only this stack.</summary>
    public string? Only { get; init; }

    /// <summary>CloudFormation execution role for every deploy and recovery delete.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Bucket every template is uploaded to.</summary>
    public string? S3Bucket { get; init; }

    /// <summary>Print what would run; call nothing.</summary>
    public bool DryRun { get; init; }
}
