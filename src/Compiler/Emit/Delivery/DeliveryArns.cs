using Amazon.CDK;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>ARNs of the environment's resources, account literal (every template asserts its account) and partition from the deploy target.</summary>
internal sealed class DeliveryArns(ResolvedEnvironment environment)
{
    public string Account => environment.Account;

    public string Role(string name) => $"arn:{Aws.PARTITION}:iam::{Account}:role/{name}";

    /// <summary>A stack in any revision (the id after the name changes when a stack is recreated).</summary>
    public string Stack(string stackName, string? region = null) =>
        $"arn:{Aws.PARTITION}:cloudformation:{region ?? environment.Region}:{Account}:stack/{stackName}/*";

    /// <summary>Every stack of the environment, in its region and in us-east-1.</summary>
    public IEnumerable<string> EnvironmentStacks()
    {
        var pattern = DeliveryNames.StackPrefix(environment) + "*";
        yield return Stack(pattern);
        if (environment.Region != Regions.Global)
        {
            yield return Stack(pattern, Regions.Global);
        }
    }

    public string Repository(string name) => $"arn:{Aws.PARTITION}:ecr:{environment.Region}:{Account}:repository/{name}";

    public static string Bucket(string name) => $"arn:{Aws.PARTITION}:s3:::{name}";

    public string Distribution(string id) => $"arn:{Aws.PARTITION}:cloudfront::{Account}:distribution/{id}";

    public string Policy(string name) => $"arn:{Aws.PARTITION}:iam::{Account}:policy/{name}";

    public string IamPoliciesStartingWith(string prefix) => $"arn:{Aws.PARTITION}:iam::{Account}:policy/{prefix}*";

    /// <summary>Instance profiles whose name starts with <paramref name="prefix"/>, in this account.</summary>
    public string IamInstanceProfilesStartingWith(string prefix) => $"arn:{Aws.PARTITION}:iam::{Account}:instance-profile/{prefix}*";

    /// <summary>Roles whose name has <paramref name="infix"/> anywhere, in this account.</summary>
    public string IamRolesContaining(string infix) => $"arn:{Aws.PARTITION}:iam::{Account}:role/*{infix}*";

    /// <summary>A service's resources of any region in this account, e.g. <c>secret:*</c> of secretsmanager.</summary>
    public string InAccount(string service, string resource) => $"arn:{Aws.PARTITION}:{service}:*:{Account}:{resource}";

    /// <summary>A service's resource in the environment's region and account, e.g. <c>log-group:name*</c> of logs.</summary>
    public string InRegion(string service, string resource) => $"arn:{Aws.PARTITION}:{service}:{environment.Region}:{Account}:{resource}";

    public string IamRolesStartingWith(string prefix) => $"arn:{Aws.PARTITION}:iam::{Account}:role/{prefix}*";

    public string ServiceLinkedRoles() => $"arn:{Aws.PARTITION}:iam::{Account}:role/aws-service-role/*";

    public string GitHubOidcProvider() => $"arn:{Aws.PARTITION}:iam::{Account}:oidc-provider/{DeliveryNames.GitHubOidcHost}";
}
