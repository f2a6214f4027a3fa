using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Model;

namespace Desafio.Extensions;

/// <summary>
/// The backend team exports audit reports to a bucket of its own: private, encrypted, versioned, and kept
/// longer in resilient environments. Trilho has no such section, so the team adds it here.
/// </summary>
public sealed class AuditExportBucket : IPlatformExtension
{
    /// <summary>Construct id of the bucket; its CloudFormation logical id derives from it, so it never changes.</summary>
    public const string ConstructId = "AuditExports";

    /// <inheritdoc />
    public void Extend(ExtensionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stack = context.AppStack("backend");
        var retentionDays = context.Environment.Profile == Profile.Resilient ? 365 : 30;

        _ = new Bucket(stack, ConstructId, new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            Versioned = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(retentionDays) }],
        });

        // Adjusting what Trilho made works the same way: here, a cost-allocation tag on every resource.
        foreach (var each in context.Stacks.Values)
        {
            Tags.Of(each).Add("cost-center", "desafio-" + context.Environment.Name);
        }
    }
}
