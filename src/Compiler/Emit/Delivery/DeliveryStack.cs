using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

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

    /// <summary>Parameter with the CloudFront distribution id, imported from the edge stack.</summary>
    public const string DistributionIdParameter = "DistributionId";

    /// <summary>Longest session GitHub may request on the platform role: a first deploy (database, distribution) can outlast the 1-hour default while the job waits.</summary>
    public const int PlatformSessionSeconds = 7200;

    /// <summary>Name of the parameter with a static app's bucket, imported from its app stack.</summary>
    public static string BucketParameter(string appId) => $"{EmitNames.Pascal(appId)}BucketName";

    /// <summary>
    /// Adds the delivery resources to <paramref name="node"/>, a stack of <paramref name="environment"/>'s region
    /// named <see cref="DeliveryNames.Stack"/>, importing <paramref name="inputs"/>. Bucket and distribution parameters
    /// default to empty, which leaves the upload and invalidation grants out: the stack can then be deployed once by
    /// hand before any other stack exists (bootstrap), and the deploy plan fills them in on later runs.
    /// </summary>
    public static DeliveryStackResult Add(StackNode node, ResolvedPlatform platform, ResolvedEnvironment environment, DeliverySpec delivery, DeliveryInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(inputs);
        var stack = node.Stack;
        var settings = DeliverySettings.Resolve(delivery, platform, environment);
        var arns = new DeliveryArns(environment);

        var providerArn = OidcProvider(node, settings, arns);
        var statics = StaticApps(node, inputs);

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

        return new DeliveryStackResult(platformRole.RoleName!, teamRoles);
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

    private static string OidcProvider(StackNode node, DeliverySettings settings, DeliveryArns arns)
    {
        var stack = node.Stack;
        var create = new CfnParameter(stack, CreateOidcProviderParameter, new CfnParameterProps
        {
            Type = "String",
            AllowedValues = ["true", "false"],
            Default = settings.CreateOidcProvider ? "true" : "false",
            Description = "IAM allows one GitHub OIDC provider per account: true creates it here, false uses the one the account already has.",
        });
        node.Record(CreateOidcProviderParameter, Synthesis.ParameterValue.Literal(create.Default!.ToString()!));
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

    private static Dictionary<string, StaticAppTarget> StaticApps(StackNode node, DeliveryInputs inputs)
    {
        var targets = new Dictionary<string, StaticAppTarget>(StringComparer.Ordinal);
        if (inputs.StaticApps.Count == 0)
        {
            return targets;
        }

        var distribution = OptionalImport(node, DistributionIdParameter, inputs.DistributionId, "the teams may invalidate it");
        foreach (var app in inputs.StaticApps.OrderBy(a => a.App.Id, StringComparer.Ordinal))
        {
            var bucket = OptionalImport(node, BucketParameter(app.App.Id), app.BucketName, $"the team of {app.App.Id} uploads to it");
            targets[app.App.Id] = new StaticAppTarget(bucket.Value, bucket.Condition, distribution.Value, distribution.Condition);
        }

        return targets;
    }

    // Empty until the exporter exists (bootstrap): a condition leaves the grants on it out while empty.
    private static (string Value, string Condition) OptionalImport(StackNode node, string name, StackOutput source, string why)
    {
        var value = node.Import(name, source, $"{why}; empty until that stack exists", defaultValue: string.Empty);
        var condition = new CfnCondition(node.Stack, $"Has{name}", new CfnConditionProps
        {
            Expression = Fn.ConditionNot(Fn.ConditionEquals(value, string.Empty)),
        });
        return (value, condition.LogicalId);
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
