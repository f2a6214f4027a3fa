namespace Trilho.Compiler.Emit.Delivery;

/// <summary>Trust policies: who may assume the delivery roles.</summary>
internal static class GitHubTrust
{
    /// <summary>Audience GitHub puts in tokens requested by aws-actions/configure-aws-credentials.</summary>
    public const string Audience = "sts.amazonaws.com";

    /// <summary>
    /// Only jobs of the repository on the branch, or in the GitHub environment, that gates this stage. Both keys
    /// with StringEquals: a wildcard subject would let pull requests and other branches in.
    /// </summary>
    public static Dictionary<string, object> Document(string providerArn, string subject) => PolicyJson.Document(
    [
        new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Federated"] = providerArn },
            ["Action"] = "sts:AssumeRoleWithWebIdentity",
            ["Condition"] = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    [$"{DeliveryNames.GitHubOidcHost}:aud"] = Audience,
                    [$"{DeliveryNames.GitHubOidcHost}:sub"] = subject,
                },
            },
        },
    ]);

    /// <summary>Execution roles: only CloudFormation assumes them, and only callers allowed to pass them can make it do so.</summary>
    public static Dictionary<string, object> CloudFormation() => PolicyJson.Document(
    [
        new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = "cloudformation.amazonaws.com" },
            ["Action"] = "sts:AssumeRole",
        },
    ]);
}
