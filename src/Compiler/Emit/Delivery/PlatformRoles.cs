using Amazon.CDK;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>Permissions of the platform role and of the CloudFormation execution role it passes.</summary>
internal static class PlatformRoles
{
    /// <summary>
    /// The platform role changes stacks only through change sets bound to the platform execution role, pushes images
    /// to the environment's repositories, runs the database role setup task, reads AWS's public Amazon Linux image
    /// parameters (NAT instances only), and nothing else: it holds no service
    /// permissions to create or change resources itself.
    /// </summary>
    public static IEnumerable<object> DeployStatements(ResolvedEnvironment environment, DeliveryArns arns, string executionRoleArn)
    {
        var stacks = arns.EnvironmentStacks().ToList();
        yield return PolicyJson.Allow("CreateChangeSetsWithExecutionRole", [DeployActions.CreateChangeSet], stacks,
            PolicyJson.Condition("ArnEquals", "cloudformation:RoleArn", executionRoleArn));
        yield return PolicyJson.Allow("DeployEnvironmentStacks", DeployActions.ChangeSets, stacks);

        // A failed first create leaves ROLLBACK_COMPLETE, which only a delete clears (trilho deploy does it, through the execution role).
        yield return PolicyJson.Allow("DeleteEnvironmentStacksWithExecutionRole", [DeployActions.DeleteStack], stacks,
            PolicyJson.Condition("ArnEquals", "cloudformation:RoleArn", executionRoleArn));
        yield return PolicyJson.Allow("PassExecutionRoleToCloudFormation", ["iam:PassRole"], [executionRoleArn],
            PolicyJson.Condition("StringEquals", "iam:PassedToService", "cloudformation.amazonaws.com"));
        yield return PolicyJson.Allow("LogInToImageRegistry", ["ecr:GetAuthorizationToken"], ["*"]);
        yield return PolicyJson.Allow("PushEnvironmentImages", DeployActions.EcrPush,
            [arns.Repository(EmitNames.Repository(environment, "*"))]);
        if (environment.Network.Egress == Egress.NatInstance)
        {
            // The shared stack's image parameter (AWS::SSM::Parameter::Value<...>) is resolved with the caller's
            // credentials when the change set is created
            // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/systems-manager-parameter-types.html).
            // Only AWS's public Amazon Linux parameters: none of the account's own parameters.
            yield return PolicyJson.Allow("ResolveAmazonLinuxImageParameter", ["ssm:GetParameters"],
                [$"arn:{Aws.PARTITION}:ssm:{environment.Region}::parameter/aws/service/ami-amazon-linux-latest/*"]);
        }

        if (DatabaseRoles.Exists(environment))
        {
            foreach (var statement in DatabaseRoleSetupStatements(environment, arns))
            {
                yield return statement;
            }
        }
    }

    /// <summary>
    /// The deploy plan's databaseRoles step: run that one task family in the environment's cluster, pass it the shared
    /// stack's roles (its task and execution roles; CloudFormation names them after the stack), watch and stop tasks
    /// there, and read that task's log group. Team roles get none of this: the task holds the master credentials.
    /// </summary>
    private static IEnumerable<object> DatabaseRoleSetupStatements(ResolvedEnvironment environment, DeliveryArns arns)
    {
        var cluster = arns.InRegion("ecs", $"cluster/{EmitNames.Cluster(environment)}");
        var inCluster = PolicyJson.Condition("ArnEquals", "ecs:cluster", cluster);
        yield return PolicyJson.Allow("RunDatabaseRoleSetup", ["ecs:RunTask"],
            [arns.InRegion("ecs", $"task-definition/{EmitNames.DatabaseRolesTask(environment)}:*")], inCluster);
        yield return PolicyJson.Allow("PassDatabaseRoleSetupRoles", ["iam:PassRole"],
            [arns.IamRolesStartingWith(EmitNames.SharedStack(environment) + "-")],
            PolicyJson.Condition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"));
        yield return PolicyJson.Allow("WatchDatabaseRoleSetup", ["ecs:DescribeTasks", "ecs:StopTask"],
            [arns.InRegion("ecs", $"task/{EmitNames.Cluster(environment)}/*")], inCluster);
        yield return PolicyJson.Allow("ReadDatabaseRoleSetupLogs", ["logs:GetLogEvents"],
            [arns.InRegion("logs", $"log-group:{EmitNames.DatabaseRolesTask(environment)}:log-stream:*")]);
    }

    /// <summary>
    /// The environment's stacks create a VPC, database, load balancer, cluster, distribution, firewall, alarms and
    /// these roles, so this role is broad by necessity: service-wide on the services Trilho emits, but IAM only on
    /// roles named after the environment (CloudFormation names unnamed roles after their stack) and on service-linked
    /// roles. Only CloudFormation can assume it, and only the platform role may pass it.
    /// </summary>
    public static IEnumerable<object> ExecutionStatements(ResolvedEnvironment environment, DeliveryArns arns)
    {
        var prefix = DeliveryNames.StackPrefix(environment);
        yield return PolicyJson.Allow("ManagePlatformServices", DeployActions.PlatformServices, ["*"]);
        yield return PolicyJson.Allow("ManageEnvironmentRoles", DeployActions.IamRoles, [arns.IamRolesStartingWith(prefix)]);

        // NAT instances carry an instance profile. Granted whatever the egress, so switching an environment from
        // natInstance to natGateway can still delete the old profile.
        yield return PolicyJson.Allow("ManageEnvironmentInstanceProfiles", DeployActions.IamInstanceProfiles, [arns.IamInstanceProfilesStartingWith(prefix)]);

        // The delivery stack's team boundary; teams' execution roles are denied this.
        yield return PolicyJson.Allow("ManageEnvironmentPolicies", DeployActions.IamPolicies, [arns.IamPoliciesStartingWith(prefix)]);
        yield return PolicyJson.Allow("CreateServiceLinkedRoles", ["iam:CreateServiceLinkedRole"], [arns.ServiceLinkedRoles()]);
        yield return PolicyJson.Allow("ManageGitHubOidcProvider", DeployActions.OidcProvider, [arns.GitHubOidcProvider()]);
    }
}
