using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The bucket of a static app: private, encrypted, versioned, public access blocked, ACLs disabled. Its bucket policy
/// (TLS only, readable only by the distribution) lives in the edge stack, next to the distribution it names
/// (docs/decisions/0005-frontend-hosting.md).
/// </summary>
public sealed class StaticSite : Construct
{
    /// <summary>Creates the bucket.</summary>
    public StaticSite(Construct scope, string id)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            BucketKeyEnabled = false,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            // The team's files are the source of truth for what users see: keep them if the stack goes away.
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "ExpireOldVersions",
                    NoncurrentVersionExpiration = Duration.Days(30),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(7),
                },
            ],
        });
    }

    /// <summary>The bucket.</summary>
    public Bucket Bucket { get; }
}
