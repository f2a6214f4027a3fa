using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// The <c>&lt;platform&gt;-&lt;env&gt;-delivery</c> stack: GitHub's OIDC provider, a platform role that deploys every stack of
/// the environment through a CloudFormation execution role, and per team a role that ships only that team's apps
/// (its app stacks through its own execution role, its image repositories, its bucket path, invalidations on the
/// distribution). docs/delivery.md explains every grant.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It builds the delivery stack; the name says so.")]
public static class DeliveryStack
{
    /// <summary>Capability <c>aws cloudformation deploy</c> needs for this stack: its roles have fixed names.</summary>
    public const string RequiredCapability = "CAPABILITY_NAMED_IAM";

    /// <summary>Parameter that says whether this stack creates the account's GitHub OIDC provider (<c>true</c>/<c>false</c>).</summary>
    public const string CreateOidcProviderParameter = "CreateGitHubOidcProvider";

    /// <summary>Parameter with the CloudFront distribution id, read from the edge stack's <c>DistributionId</c> output.</summary>
    public const string DistributionIdParameter = "DistributionId";

    /// <summary>Longest session GitHub may request on the platform role: a first deploy (database, distribution) can outlast the 1-hour default while the job waits.</summary>
    public const int PlatformSessionSeconds = 7200;

    /// <summary>Name of the parameter with a static app's bucket, read from its app stack's <c>BucketName</c> output.</summary>
    public static string BucketParameter(string appId) => $"{EmitNames.Pascal(appId)}BucketName";

    /// <summary>
    /// Adds the delivery resources to <paramref name="stack"/>, a stack of <paramref name="environment"/>'s region
    /// named <see cref="DeliveryNames.Stack"/>. Bucket and distribution parameters default to empty, which leaves the
    /// upload and invalidation grants out: the stack can then be deployed once by hand before any other stack
    /// exists (bootstrap), and the deploy plan fills them in on later runs.
    /// </summary>
    public static DeliveryStackResult Add(Stack stack, ResolvedPlatform platform, ResolvedEnvironment environment, DeliverySpec delivery)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = DeliverySettings.Resolve(delivery, platform, environment);
        var arns = new DeliveryArns(environment);
        var parameters = new List<DeliveryParameter>();

        var providerArn = OidcProvider(stack, settings, arns, parameters);
        var statics = StaticApps(stack, environment, parameters);

        var platformExecution = Role(stack, "PlatformExecutionRole", DeliveryNames.PlatformExecutionRole(environment), GitHubTrust.CloudFormation(), null,
            "CloudFormation deploys every stack of the environment with this role", PlatformRoles.ExecutionStatements(environment, arns));
        var platformSubject = settings.Subject(DeliverySettings.PlatformJob);
        var platformRole = Role(stack, "PlatformDeployRole", DeliveryNames.PlatformRole(environment), GitHubTrust.Document(providerArn, platformSubject), PlatformSessionSeconds,
            $"GitHub Actions ({platformSubject}) deploys every stack of {environment.StackPrefix}", PlatformRoles.DeployStatements(environment, arns, platformExecution.AttrArn));
        Output(stack, "PlatformDeployRoleArn", platformRole.AttrArn, "role-to-assume of the platform deploy workflow");

        var teamRoles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in environment.Teams.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var apps = environment.Apps.Where(a => a.Team == team.Id).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (apps.Count == 0)
            {
                continue;
            }

            var pascal = EmitNames.Pascal(team.Id);
            var boundaryArn = TeamBoundaryPolicy(stack, environment, arns, team.Id, apps);
            var execution = Role(stack, $"Team{pascal}ExecutionRole", DeliveryNames.TeamExecutionRole(environment, team.Id), GitHubTrust.CloudFormation(), null,
                $"CloudFormation deploys the app stacks of team {team.Id} with this role", TeamRoles.ExecutionStatements(environment, arns, apps, boundaryArn));
            var name = DeliveryNames.TeamRole(environment, team.Id);
            var subject = settings.Subject(DeliverySettings.TeamJob(team.Id));
            var role = Role(stack, $"Team{pascal}DeployRole", name, GitHubTrust.Document(providerArn, subject), null,
                $"GitHub Actions ({subject}) ships the apps of team {team.Id}", TeamRoles.DeployStatements(environment, arns, apps, execution.AttrArn, statics));
            Output(stack, $"Team{pascal}DeployRoleArn", role.AttrArn, $"role-to-assume of team {team.Id}'s workflows");
            teamRoles[team.Id] = name;
        }

        return new DeliveryStackResult(parameters, platformRole.RoleName!, teamRoles);
    }

    /// <summary>
    /// The managed policy every role of one team's stacks must carry as its permissions boundary. Its ARN is written
    /// out rather than referenced so the execution roles' conditions read the same in the template as in IAM.
    /// </summary>
    private static string TeamBoundaryPolicy(Stack stack, ResolvedEnvironment environment, DeliveryArns arns, string teamId, IReadOnlyList<ResolvedApp> apps)
    {
        var name = DeliveryNames.TeamBoundary(environment, teamId);
        _ = new CfnManagedPolicy(stack, $"Team{EmitNames.Pascal(teamId)}Boundary", new CfnManagedPolicyProps
        {
            ManagedPolicyName = name,
            Description = $"Permissions boundary of every role the stacks of team {teamId} in {environment.StackPrefix} create: the most its apps' roles may do.",
            PolicyDocument = PolicyJson.Document(TeamBoundary.Statements(environment, arns, apps)),
        });
        return arns.Policy(name);
    }

    private static string OidcProvider(Stack stack, DeliverySettings settings, DeliveryArns arns, List<DeliveryParameter> parameters)
    {
        var create = new CfnParameter(stack, CreateOidcProviderParameter, new CfnParameterProps
        {
            Type = "String",
            AllowedValues = ["true", "false"],
            Default = settings.CreateOidcProvider ? "true" : "false",
            Description = "IAM allows one GitHub OIDC provider per account: true creates it here, false uses the one the account already has.",
        });
        parameters.Add(new DeliveryParameter(CreateOidcProviderParameter, create.Default!.ToString(), null, null, null));
        var condition = new CfnCondition(stack, "CreatesGitHubOidcProvider", new CfnConditionProps
        {
            Expression = Fn.ConditionEquals(create.ValueAsString, "true"),
        });
        var provider = new CfnOIDCProvider(stack, "GitHubOidcProvider", new CfnOIDCProviderProps
        {
            Url = $"https://{DeliveryNames.GitHubOidcHost}",
            ClientIdList = [GitHubTrust.Audience],
        });
        provider.CfnOptions.Condition = condition;

        // The provider created here (so roles depend on it), else the ARN IAM gives the existing one.
        return Fn.ConditionIf(condition.LogicalId, provider.AttrArn, arns.GitHubOidcProvider()).ToString()!;
    }

    private static Dictionary<string, StaticAppTarget> StaticApps(Stack stack, ResolvedEnvironment environment, List<DeliveryParameter> parameters)
    {
        var targets = new Dictionary<string, StaticAppTarget>(StringComparer.Ordinal);
        var statics = environment.Apps.OfType<ResolvedStaticApp>().OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (statics.Count == 0)
        {
            return targets;
        }

        var distribution = OptionalParameter(stack, DistributionIdParameter, "CloudFront distribution the teams may invalidate; empty until the edge stack exists.");
        parameters.Add(new DeliveryParameter(DistributionIdParameter, null, EmitNames.EdgeStack(environment), environment.Region, "DistributionId"));
        foreach (var app in statics)
        {
            var name = BucketParameter(app.Id);
            var bucket = OptionalParameter(stack, name, $"Bucket of {app.Id}; empty until its app stack exists.");
            parameters.Add(new DeliveryParameter(name, null, EmitNames.AppStack(environment, app.Id), environment.Region, "BucketName"));
            targets[app.Id] = new StaticAppTarget(bucket.Parameter.ValueAsString, bucket.Condition.LogicalId, distribution.Parameter.ValueAsString, distribution.Condition.LogicalId);
        }

        return targets;
    }

    private static (CfnParameter Parameter, CfnCondition Condition) OptionalParameter(Stack stack, string name, string description)
    {
        var parameter = new CfnParameter(stack, name, new CfnParameterProps { Type = "String", Default = string.Empty, Description = description });
        var condition = new CfnCondition(stack, $"Has{name}", new CfnConditionProps
        {
            Expression = Fn.ConditionNot(Fn.ConditionEquals(parameter.ValueAsString, string.Empty)),
        });
        return (parameter, condition);
    }

    private static CfnRole Role(Stack stack, string id, string name, object trust, int? maxSessionSeconds, string description, IEnumerable<object> statements) =>
        new(stack, id, new CfnRoleProps
        {
            RoleName = name,
            Description = description,
            AssumeRolePolicyDocument = trust,
            MaxSessionDuration = maxSessionSeconds,
            Policies = new object[] { new CfnRole.PolicyProperty { PolicyName = "Permissions", PolicyDocument = PolicyJson.Document(statements) } },
        });

    private static void Output(Stack stack, string name, string value, string description) =>
        _ = new CfnOutput(stack, name, new CfnOutputProps { Value = value, Description = description });
}
