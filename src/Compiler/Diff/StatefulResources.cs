namespace Trilho.Compiler.Diff;

/// <summary>
/// The resource types whose replacement or deletion loses data or an identity others depend on, each with the reason.
/// <c>trilho diff</c> fails (TRL6001, TRL6002) when one of them is replaced or deleted without an acknowledgement.
/// </summary>
public static class StatefulResources
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["AWS::RDS::DBInstance"] = "it holds the database: a replacement starts empty and the automated backups go with the old instance",
        ["AWS::RDS::DBCluster"] = "it holds the database: a replacement starts empty and the automated backups go with the old cluster",
        ["AWS::DynamoDB::Table"] = "it holds the table's items: a replacement starts empty",
        ["AWS::EFS::FileSystem"] = "it holds the files: a replacement starts empty",
        ["AWS::S3::Bucket"] = "it holds the objects (a static app's files, logs): a replacement starts empty, and a bucket that is not empty cannot be deleted, which fails the deploy",
        ["AWS::KMS::Key"] = "data encrypted with the key (database, logs, buckets, secrets) cannot be read without it, and a deleted key is gone after its waiting period",
        ["AWS::SecretsManager::Secret"] = "it holds credentials: a replacement has a new value and a new ARN, so everyone holding the old one loses access",
        ["AWS::Route53::HostedZone"] = "a new zone starts without the records added outside this template, and a new public zone gets new name servers, so names stop resolving until the domain's delegation is updated",
        ["AWS::ECR::Repository"] = "it holds the app's images: a replacement starts empty, so the running tag can no longer be pulled (scaling out and restarts fail)",
        ["AWS::Logs::LogGroup"] = "it holds the retained logs: a replacement starts empty and the old events are deleted with the group",
        ["AWS::SQS::Queue"] = "it holds messages not yet processed: they are lost with the queue",
        ["AWS::Cognito::UserPool"] = "it holds the users and their passwords: a replacement starts empty",
        ["AWS::EC2::EIP"] = "its public IP address is an identity others allow-list: a replacement gets a new address",
        ["AWS::CloudFront::Distribution"] = "its domain name (d….cloudfront.net) is the apps' public address when the platform has no domain: a replacement gets a new one",
    };

    /// <summary>Every guarded type with its reason, ordered by type.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All => Reasons.OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>Why replacing or deleting a <paramref name="resourceType"/> loses data or identity, or null when it does not.</summary>
    public static string? Reason(string resourceType) => Reasons.GetValueOrDefault(resourceType);
}
