using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// Names the delivery stack creates or points at. Role names are fixed so workflows can name them
/// (<c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>). The stacks and repositories the roles point at are named by
/// <see cref="EmitNames"/>, the same names the emitters give them.
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

    /// <summary>
    /// Managed policy every role a team's stacks create must carry as its permissions boundary, e.g.
    /// <c>desafio-dev-boundary-team-backend</c>: the ceiling of what that team's app roles may ever do, whatever policy
    /// the team attaches. One per team, so a role of one team's stack cannot act as another team's app.
    /// </summary>
    public static string TeamBoundary(ResolvedEnvironment environment, string teamId) => $"{Prefix(environment)}-boundary-team-{teamId}";

    /// <summary>Prefix of every stack of the environment, e.g. <c>desafio-dev-</c>.</summary>
    public static string StackPrefix(ResolvedEnvironment environment) => $"{Prefix(environment)}-";

    private static string Prefix(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.StackPrefix;
    }
}
