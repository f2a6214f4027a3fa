namespace Trilho.Compiler.Emit.Delivery;

/// <summary>The IAM actions each delivery task needs, named once so platform and team roles cannot drift apart.</summary>
internal static class DeployActions
{
    /// <summary>
    /// What <c>aws cloudformation deploy</c> calls besides creating the change set, plus the events the deploy script
    /// prints on failure and the live template it compares the plan with before deploying (GetTemplate).
    /// </summary>
    public static readonly string[] ChangeSets =
    [
        "cloudformation:DescribeStacks",
        "cloudformation:DescribeStackEvents",
        "cloudformation:DescribeChangeSet",
        "cloudformation:ExecuteChangeSet",
        "cloudformation:DeleteChangeSet",
        "cloudformation:GetTemplate",
        "cloudformation:GetTemplateSummary",
    ];

    /// <summary>Creating a change set is where the execution role is chosen, so it is granted apart, with a <c>cloudformation:RoleArn</c> condition.</summary>
    public const string CreateChangeSet = "cloudformation:CreateChangeSet";

    /// <summary>Deleting a stack is granted apart, with a <c>cloudformation:RoleArn</c> condition, like creating a change set.</summary>
    public const string DeleteStack = "cloudformation:DeleteStack";

    /// <summary>Pushing an image and checking whether a tag exists (repositories reject tag reuse).</summary>
    public static readonly string[] EcrPush =
    [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:CompleteLayerUpload",
        "ecr:DescribeImages",
        "ecr:GetDownloadUrlForLayer",
        "ecr:InitiateLayerUpload",
        "ecr:PutImage",
        "ecr:UploadLayerPart",
    ];

    /// <summary>
    /// Role actions that can give a role more power. IAM puts the role's (or the new) permissions boundary in the
    /// request as <c>iam:PermissionsBoundary</c>, so a team may call them only for roles carrying the team boundary.
    /// </summary>
    public static readonly string[] IamRoleGrants =
    [
        "iam:AttachRolePolicy",
        "iam:CreateRole",
        "iam:PutRolePermissionsBoundary",
        "iam:PutRolePolicy",
    ];

    /// <summary>Role actions that read, describe, tag or take power away; needed to update and delete a stack's roles. PassRole is granted apart.</summary>
    public static readonly string[] IamRoleChanges =
    [
        "iam:DeleteRole",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:GetRole",
        "iam:GetRolePolicy",
        "iam:ListAttachedRolePolicies",
        "iam:ListRolePolicies",
        "iam:TagRole",
        "iam:UntagRole",
        "iam:UpdateAssumeRolePolicy",
        "iam:UpdateRole",
        "iam:UpdateRoleDescription",
    ];

    /// <summary>Managing the roles a stack declares (task roles, flow log and canary roles). Declared after its parts: static fields initialize in order.</summary>
    public static readonly string[] IamRoles = [.. IamRoleGrants.Concat(IamRoleChanges).Append("iam:PassRole").Order(StringComparer.Ordinal)];

    /// <summary>The instance profile of a NAT instance (docs/decisions/0017-economy-egress.md): its lifetime, its one role and tags.</summary>
    public static readonly string[] IamInstanceProfiles =
    [
        "iam:AddRoleToInstanceProfile",
        "iam:CreateInstanceProfile",
        "iam:DeleteInstanceProfile",
        "iam:GetInstanceProfile",
        "iam:RemoveRoleFromInstanceProfile",
        "iam:TagInstanceProfile",
        "iam:UntagInstanceProfile",
    ];

    /// <summary>Writes to a managed policy: creating, versioning, deleting and tagging it.</summary>
    public static readonly string[] IamPolicyWrites =
    [
        "iam:CreatePolicy",
        "iam:CreatePolicyVersion",
        "iam:DeletePolicy",
        "iam:DeletePolicyVersion",
        "iam:SetDefaultPolicyVersion",
        "iam:TagPolicy",
        "iam:UntagPolicy",
    ];

    /// <summary>A managed policy's lifetime and versions: the delivery stack's team boundary. Declared after its parts: static fields initialize in order.</summary>
    public static readonly string[] IamPolicies =
        [.. IamPolicyWrites.Concat(["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions"]).Order(StringComparer.Ordinal)];

    /// <summary>Reads CloudFormation makes while creating and stabilizing an app stack's resources; no resource-level permissions for most.</summary>
    public static readonly string[] AppReads =
    [
        "application-autoscaling:Describe*",
        "cloudwatch:DescribeAlarms",
        "ec2:Describe*",
        "ecs:Describe*",
        "ecs:List*",
        "elasticloadbalancing:Describe*",
        "logs:DescribeLogGroups",
    ];

    /// <summary>An app's log group: its lifetime, retention, encryption and tags. No subscription filters: nothing Trilho emits ships logs elsewhere.</summary>
    public static readonly string[] AppLogGroups =
    [
        "logs:AssociateKmsKey",
        "logs:CreateLogGroup",
        "logs:DeleteLogGroup",
        "logs:DeleteRetentionPolicy",
        "logs:DisassociateKmsKey",
        "logs:ListTagsForResource",
        "logs:ListTagsLogGroup",
        "logs:PutRetentionPolicy",
        "logs:TagLogGroup",
        "logs:TagResource",
        "logs:UntagLogGroup",
        "logs:UntagResource",
    ];

    /// <summary>An app's ECS service.</summary>
    public static readonly string[] AppEcsServices =
    [
        "ecs:CreateService",
        "ecs:DeleteService",
        "ecs:TagResource",
        "ecs:UntagResource",
        "ecs:UpdateService",
    ];

    /// <summary>Registering and tagging task definition revisions (deregistering is granted apart: it has no resource-level permissions).</summary>
    public static readonly string[] AppTaskDefinitions =
    [
        "ecs:RegisterTaskDefinition",
        "ecs:TagResource",
    ];

    /// <summary>An app's release alarms (the ECS deployment circuit breaker watches them) and its scaling alarms.</summary>
    public static readonly string[] AppAlarms =
    [
        "cloudwatch:DeleteAlarms",
        "cloudwatch:ListTagsForResource",
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:TagResource",
        "cloudwatch:UntagResource",
    ];

    /// <summary>Writes to listener rules, which only the shared stack makes: denied to teams.</summary>
    public static readonly string[] ListenerRuleWrites =
    [
        "elasticloadbalancing:CreateRule",
        "elasticloadbalancing:DeleteRule",
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:SetRulePriorities",
    ];

    /// <summary>An app's scalable target and scaling policies.</summary>
    public static readonly string[] AppScaling =
    [
        "application-autoscaling:DeleteScalingPolicy",
        "application-autoscaling:DeregisterScalableTarget",
        "application-autoscaling:PutScalingPolicy",
        "application-autoscaling:RegisterScalableTarget",
        "application-autoscaling:TagResource",
    ];

    /// <summary>Services of the whole environment (network, database, edge, observability, delivery).</summary>
    public static readonly string[] PlatformServices =
    [
        "acm:*",
        "application-autoscaling:*",
        "application-signals:*",
        "cloudfront:*",
        "cloudwatch:*",
        "ec2:*",
        "ecr:*",
        "ecs:*",
        "elasticloadbalancing:*",

        // No stack creates a rule any more; kept so the update that removes the database role rule of an environment
        // deployed before ADR 0009's amendment can delete it (events:DeleteRule, RemoveTargets).
        "events:*",
        "kms:*",
        "lambda:*",
        "logs:*",
        "rds:*",
        "route53:*",
        "s3:*",
        "secretsmanager:*",
        "sns:*",
        "ssm:GetParameters",
        "synthetics:*",
        "wafv2:*",
    ];

    /// <summary>The GitHub OIDC provider, which the delivery stack may create.</summary>
    public static readonly string[] OidcProvider =
    [
        "iam:AddClientIDToOpenIDConnectProvider",
        "iam:CreateOpenIDConnectProvider",
        "iam:DeleteOpenIDConnectProvider",
        "iam:GetOpenIDConnectProvider",
        "iam:RemoveClientIDFromOpenIDConnectProvider",
        "iam:TagOpenIDConnectProvider",
        "iam:UntagOpenIDConnectProvider",
        "iam:UpdateOpenIDConnectProviderThumbprint",
    ];
}
