namespace Trilho.Compiler.Emit;

/// <summary>
/// Ids of the AWS-managed prefix list <c>com.amazonaws.global.cloudfront.origin-facing</c> per region. The id differs per
/// region and is not available to CloudFormation, so it travels as a parameter whose value the deploy plan fills from
/// this table (nothing is looked up at compile time). Verify with
/// <c>aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.global.cloudfront.origin-facing</c>.
/// </summary>
public static class CloudFrontPrefixLists
{
    /// <summary>The command that prints the prefix list id in the target account and region.</summary>
    public const string LookupCommand =
        "aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.global.cloudfront.origin-facing --query PrefixLists[0].PrefixListId --output text";

    private static readonly Dictionary<string, string> ById = new(StringComparer.Ordinal)
    {
        ["ap-northeast-1"] = "pl-58a04531",
        ["ap-northeast-2"] = "pl-22a6434b",
        ["ap-south-1"] = "pl-9aa247f3",
        ["ap-southeast-1"] = "pl-31a34658",
        ["ap-southeast-2"] = "pl-b8a742d1",
        ["ca-central-1"] = "pl-38a64351",
        ["eu-central-1"] = "pl-a3a144ca",
        ["eu-north-1"] = "pl-fab65393",
        ["eu-west-1"] = "pl-4fa04526",
        ["eu-west-2"] = "pl-93a247fa",
        ["eu-west-3"] = "pl-75b1541c",
        ["sa-east-1"] = "pl-5da64334",
        ["us-east-1"] = "pl-3b927c52",
        ["us-east-2"] = "pl-b6a144df",
        ["us-west-1"] = "pl-4ea04527",
        ["us-west-2"] = "pl-82a045eb",
    };

    /// <summary>The prefix list id in <paramref name="region"/>, or null when this table does not know the region.</summary>
    public static string? For(string region) => ById.GetValueOrDefault(region);
}
