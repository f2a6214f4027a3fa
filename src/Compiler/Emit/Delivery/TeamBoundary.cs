using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// The permissions boundary of every role a team's stacks create (task and task execution roles): the most any such
/// role may do, whatever policy the team's template attaches to it. It holds what an app's containers and ECS need at
/// run time, in this account only, and nothing of IAM, STS or any control plane, so a team cannot mint an administrator.
/// </summary>
internal static class TeamBoundary
{
    /// <summary>Pull the app's image, write its logs, read its secrets and parameters, connect to the database with IAM auth, publish metrics and traces.</summary>
    public static IEnumerable<object> Statements(ResolvedEnvironment environment, DeliveryArns arns)
    {
        yield return PolicyJson.Allow("PullEnvironmentImages", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            [arns.Repository(EmitNames.Repository(environment, "*"))]);
        yield return PolicyJson.Allow("WriteLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [arns.InAccount("logs", "log-group:*")]);
        yield return PolicyJson.Allow("ReadSecrets", ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], [arns.InAccount("secretsmanager", "secret:*")]);
        yield return PolicyJson.Allow("ReadParameters", ["ssm:GetParameter", "ssm:GetParameters"], [arns.InAccount("ssm", "parameter/*")]);
        yield return PolicyJson.Allow("DecryptWithAccountKeys", ["kms:Decrypt"], [arns.InAccount("kms", "key/*")]);
        yield return PolicyJson.Allow("ConnectToDatabaseWithIamAuth", ["rds-db:connect"], [arns.InAccount("rds-db", "dbuser:*/*")]);

        // RDS keeps the database's master credentials in a secret it names rds!db-<id>
        // (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html): only the platform's role
        // setup task reads it, never a role a team's stack creates.
        yield return PolicyJson.Deny("NeverReadDatabaseMasterSecrets", ["secretsmanager:*"], [arns.InAccount("secretsmanager", "secret:rds!*")]);

        // These actions have no resource-level permissions.
        yield return PolicyJson.Allow("RunTimeServices",
            ["cloudwatch:PutMetricData", "ecr:GetAuthorizationToken", "xray:PutTelemetryRecords", "xray:PutTraceSegments"], ["*"]);
    }
}
