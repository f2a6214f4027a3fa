using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// Names the delivery stack creates or points at. Role names are fixed so workflows can name them
/// (<c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>). Stack and repository names follow the emitters' naming
/// (EmitNames); they are repeated here because a role must name them before those stacks exist.
/// </summary>
public static class DeliveryNames
{
    /// <summary>Host of GitHub's OIDC issuer.</summary>
    public const string GitHubOidcHost = "token.actions.githubusercontent.com";

    /// <summary>Stack name of the delivery stack, e.g. <c>desafio-dev-delivery</c>.</summary>
    public static string Stack(ResolvedEnvironment environment) => $"{Prefix(environment)}-delivery";

    /// <summary>Role GitHub assumes to deploy every stack of the environment.</summary>
    public static string PlatformRole(ResolvedEnvironment environment) => $"{Prefix(environment)}-deploy-platform";

    /// <summary>Role CloudFormation assumes to change the environment's stacks on the platform role's behalf.</summary>
    public static string PlatformExecutionRole(ResolvedEnvironment environment) => $"{Prefix(environment)}-cfn-platform";

    /// <summary>Role GitHub assumes to ship a team's apps.</summary>
    public static string TeamRole(ResolvedEnvironment environment, string teamId) => $"{Prefix(environment)}-deploy-team-{teamId}";

    /// <summary>Role CloudFormation assumes to change a team's app stacks on the team role's behalf.</summary>
    public static string TeamExecutionRole(ResolvedEnvironment environment, string teamId) => $"{Prefix(environment)}-cfn-team-{teamId}";

    /// <summary>Prefix of every stack of the environment, e.g. <c>desafio-dev-</c>.</summary>
    public static string StackPrefix(ResolvedEnvironment environment) => $"{Prefix(environment)}-";

    /// <summary>Stack of the us-east-1 resources CloudFront needs.</summary>
    public static string GlobalStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-global";

    /// <summary>Stack of one app.</summary>
    public static string AppStack(ResolvedEnvironment environment, string appId) => $"{Prefix(environment)}-app-{appId}";

    /// <summary>Stack of the CloudFront distribution.</summary>
    public static string EdgeStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-edge";

    /// <summary>Image repository of an api app.</summary>
    public static string Repository(ResolvedEnvironment environment, string appId) => $"{Prefix(environment)}/{appId}";

    /// <summary>ECS cluster of the environment.</summary>
    public static string Cluster(ResolvedEnvironment environment) => Prefix(environment);

    /// <summary>PascalCase of a DNS-safe id, e.g. <c>my-api</c> becomes <c>MyApi</c>, for logical ids.</summary>
    public static string Pascal(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var builder = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    private static string Prefix(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.StackPrefix;
    }
}
