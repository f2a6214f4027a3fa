using Amazon.CDK;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>Permissions of a team's role and of the CloudFormation execution role it passes: only that team's apps.</summary>
internal static class TeamRoles
{
    private const string PermissionsBoundaryKey = "iam:PermissionsBoundary";

    private static readonly string[] UploadActions = ["s3:PutObject", "s3:DeleteObject"];

    private static readonly string[] InvalidationActions = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"];

    /// <summary>
    /// Change sets on the team's app stacks only (bound to the team's execution role), read-only outputs of the
    /// environment's stacks (the deploy script wires parameters from them), pushes to the team's repositories, uploads
    /// under the team's static app paths and invalidations on the distribution.
    /// </summary>
    public static IEnumerable<object> DeployStatements(
        ResolvedEnvironment environment,
        DeliveryArns arns,
        IReadOnlyList<ResolvedApp> apps,
        string executionRoleArn,
        IReadOnlyDictionary<string, StaticAppTarget> statics)
    {
        var stacks = apps.Select(a => arns.Stack(EmitNames.AppStack(environment, a.Id))).ToList();
        yield return PolicyJson.Allow("CreateChangeSetsWithTeamExecutionRole", [DeployActions.CreateChangeSet], stacks,
            PolicyJson.Condition("ArnEquals", "cloudformation:RoleArn", executionRoleArn));
        yield return PolicyJson.Allow("DeployTeamAppStacks", DeployActions.ChangeSets, stacks);

        // A failed first create leaves ROLLBACK_COMPLETE, which only a delete clears (trilho deploy does it, through the execution role).
        yield return PolicyJson.Allow("DeleteTeamAppStacksWithTeamExecutionRole", [DeployActions.DeleteStack], stacks,
            PolicyJson.Condition("ArnEquals", "cloudformation:RoleArn", executionRoleArn));
        yield return PolicyJson.Allow("ReadEnvironmentOutputs", ["cloudformation:DescribeStacks"], arns.EnvironmentStacks());
        yield return PolicyJson.Allow("PassTeamExecutionRoleToCloudFormation", ["iam:PassRole"], [executionRoleArn],
            PolicyJson.Condition("StringEquals", "iam:PassedToService", "cloudformation.amazonaws.com"));

        var repositories = apps.OfType<ResolvedApiApp>().Select(a => arns.Repository(EmitNames.Repository(environment, a.Id))).ToList();
        if (repositories.Count > 0)
        {
            yield return PolicyJson.Allow("LogInToImageRegistry", ["ecr:GetAuthorizationToken"], ["*"]);
            yield return PolicyJson.Allow("PushTeamImages", DeployActions.EcrPush, repositories);
        }

        foreach (var app in apps.OfType<ResolvedStaticApp>())
        {
            var target = statics[app.Id];
            var prefix = app.Path.Trim('/');
            var pascal = EmitNames.Pascal(app.Id);

            // Absent until the bucket is known: an empty name would grant "arn:aws:s3:::/frontend/*". As token strings,
            // because jsii cannot marshal the condition proxy inside a plain dictionary.
            yield return Fn.ConditionIf(target.BucketCondition,
                PolicyJson.Allow($"Upload{pascal}Files", UploadActions, [$"{DeliveryArns.Bucket(target.Bucket)}/{prefix}/*"]),
                Aws.NO_VALUE).ToString()!;
            yield return Fn.ConditionIf(target.BucketCondition,
                PolicyJson.Allow($"List{pascal}Files", ["s3:ListBucket"], [DeliveryArns.Bucket(target.Bucket)],
                    PolicyJson.Condition("StringLike", "s3:prefix", $"{prefix}/*")),
                Aws.NO_VALUE).ToString()!;
        }

        var firstStatic = apps.OfType<ResolvedStaticApp>().FirstOrDefault();
        if (firstStatic is not null)
        {
            // IAM cannot limit invalidation paths; the workflow invalidates only the app's path.
            var target = statics[firstStatic.Id];
            yield return Fn.ConditionIf(target.DistributionCondition,
                PolicyJson.Allow("InvalidateDistribution", InvalidationActions, [arns.Distribution(target.DistributionId)]),
                Aws.NO_VALUE).ToString()!;
        }
    }

    /// <summary>
    /// What CloudFormation needs for the resources of an app stack: IAM roles, log groups, ECS services and buckets only
    /// under names CloudFormation derives from the team's stack names, task definitions under the team's families, alarms
    /// under the team's apps' release alarm names; no target groups or listener rules, which the shared stack owns (IAM
    /// cannot see a rule's path or priority, see ADR 0008). A team with static apps only gets none of the service grants.
    /// Every role the team creates or grants to must carry the team boundary (<paramref name="boundaryArn"/>); explicit
    /// denies keep the boundary, the delivery roles and roles without the boundary out of reach whatever else is allowed.
    /// </summary>
    public static IEnumerable<object> ExecutionStatements(ResolvedEnvironment environment, DeliveryArns arns, IReadOnlyList<ResolvedApp> apps, string boundaryArn)
    {
        var stackNames = apps.Select(a => EmitNames.AppStack(environment, a.Id) + "-").ToList();
        var roles = stackNames.Select(arns.IamRolesStartingWith).ToList();
        foreach (var statement in ServiceStatements(environment, arns, apps))
        {
            yield return statement;
        }

        yield return PolicyJson.Allow("GrantToAppRolesWithinTheBoundary", DeployActions.IamRoleGrants, roles,
            PolicyJson.Condition("StringEquals", PermissionsBoundaryKey, boundaryArn));
        yield return PolicyJson.Allow("ManageAppRoles", DeployActions.IamRoleChanges, roles);

        // Task and task execution roles go to ECS tasks; nothing else of the team's is passed.
        yield return PolicyJson.Allow("PassAppRolesToEcsTasks", ["iam:PassRole"], roles,
            PolicyJson.Condition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"));
        yield return PolicyJson.Allow("CreateServiceLinkedRoles", ["iam:CreateServiceLinkedRole"], [arns.ServiceLinkedRoles()]);

        var buckets = apps.OfType<ResolvedStaticApp>().Select(a => EmitNames.AppStack(environment, a.Id) + "-").ToList();
        if (buckets.Count > 0)
        {
            yield return PolicyJson.Allow("ManageAppBuckets", ["s3:*"],
                buckets.SelectMany(b => new[] { DeliveryArns.Bucket(b + "*"), DeliveryArns.Bucket(b + "*/*") }));
        }

        yield return PolicyJson.Deny("DenyRolesWithoutTheTeamBoundary", DeployActions.IamRoleGrants, ["*"],
            PolicyJson.Condition("StringNotEquals", PermissionsBoundaryKey, boundaryArn));
        yield return PolicyJson.Deny("DenyRemovingPermissionsBoundaries", ["iam:DeleteRolePermissionsBoundary"], ["*"]);
        // Every team's boundary (and any other managed policy): teams never write managed policies.
        yield return PolicyJson.Deny("DenyChangingManagedPolicies", DeployActions.IamPolicyWrites, [arns.IamPoliciesStartingWith(string.Empty)]);
        yield return PolicyJson.Deny("DenyTouchingDeliveryRoles", ["iam:*"],
            [arns.IamRolesContaining("-cfn-"), arns.IamRolesContaining("-deploy-")]);

        // Listener rules and target groups belong to the shared stack: IAM cannot see a rule's path or priority, so a team
        // allowed to create rules could route another app's path to itself (ADR 0008).
        yield return PolicyJson.Deny("DenyListenerRules", DeployActions.ListenerRuleWrites, ["*"]);
    }

    /// <summary>The ECS, autoscaling, logs and alarm grants of a team's api apps (none without one).</summary>
    private static IEnumerable<object> ServiceStatements(ResolvedEnvironment environment, DeliveryArns arns, IReadOnlyList<ResolvedApp> apps)
    {
        var apis = apps.OfType<ResolvedApiApp>().ToList();
        if (apis.Count == 0)
        {
            yield break;
        }

        var stackNames = apis.Select(a => EmitNames.AppStack(environment, a.Id) + "-").ToList();
        yield return PolicyJson.Allow("DescribeAppServices", DeployActions.AppReads, ["*"]);

        // Unnamed log groups and services are named <stack>-<logical id>-<random> by CloudFormation.
        yield return PolicyJson.Allow("ManageAppLogGroups", DeployActions.AppLogGroups,
            stackNames.Select(n => arns.InRegion("logs", $"log-group:{n}*")));
        yield return PolicyJson.Allow("ManageAppEcsServices", DeployActions.AppEcsServices,
            stackNames.Select(n => arns.InRegion("ecs", $"service/{EmitNames.Cluster(environment)}/{n}*")));

        // Task definitions are authorized by family (the app stack names it after itself; the colon ends the family,
        // so app orders never covers orders-api). Deregistering has no resource-level permissions at all
        // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
        // it only marks a revision INACTIVE, which running services keep using, and a task definition holds no power of
        // its own (the roles it names are passed under PassAppRolesToEcsTasks).
        yield return PolicyJson.Allow("RegisterAppTaskDefinitions", DeployActions.AppTaskDefinitions,
            apis.Select(a => arns.InRegion("ecs", $"task-definition/{EmitNames.AppStack(environment, a.Id)}:*")));
        yield return PolicyJson.Allow("DeregisterTaskDefinitions", ["ecs:DeregisterTaskDefinition"], ["*"]);

        // The release alarms, and the alarms target tracking creates with the caller's permissions, named after the service
        // (https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_id-based-policy-examples.html).
        var alarms = apis.Select(a => $"alarm:{MonitoringNames.Alarm(environment, a.Id, "Release")}-*")
            .Concat(stackNames.Select(n => $"alarm:TargetTracking-service/{EmitNames.Cluster(environment)}/{n}*"));
        yield return PolicyJson.Allow("ManageAppAlarms", DeployActions.AppAlarms, alarms.Select(a => arns.InRegion("cloudwatch", a)));

        // Scalable targets have random ids and no tags in CloudFormation; the namespace keeps them to ECS services.
        yield return PolicyJson.Allow("ManageAppScaling", DeployActions.AppScaling, ["*"],
            PolicyJson.Condition("StringEquals", "application-autoscaling:service-namespace", "ecs"));
    }
}
