namespace Trilho.Compiler.Synthesis;

/// <summary>Regions the stack graph places stacks in besides the environment's own.</summary>
public static class Regions
{
    /// <summary>
    /// Where CloudFront takes its certificate and web ACL from, delivers its access logs and publishes its metrics, and
    /// where Route 53 health checks publish theirs, whatever the environment's region
    /// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html).
    /// </summary>
    public const string Global = "us-east-1";
}
