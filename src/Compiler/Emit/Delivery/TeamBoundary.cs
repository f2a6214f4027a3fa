using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// The permissions boundary of every role one team's stacks create (task and task execution roles): the most any such
/// role may do, whatever policy the team's template attaches to it. It holds what that team's apps' containers and ECS
/// need at run time (their images, log groups, secrets, parameters and database users), in this account only, and
/// nothing of IAM, STS or any control plane, so a team can neither mint an administrator nor act as another team's app.
/// </summary>
internal static class TeamBoundary
{
    /// <summary>
    /// Name prefix of the secrets and SSM parameters an app owns besides those platform.yaml lists, e.g.
    /// <c>desafio-dev/backend/</c>: the slash ends the app id, so app <c>orders</c> never covers <c>orders-api</c>.
    /// </summary>
    public static string AppNamePrefix(ResolvedEnvironment environment, string appId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return $"{environment.StackPrefix}/{appId}/";
    }

    /// <summary>
    /// Pull the team's images, write its apps' logs, read its apps' secrets and parameters (decrypting only through those
    /// services), connect to the database as its apps' own users, publish metrics and traces.
    /// </summary>
    public static IEnumerable<object> Statements(ResolvedEnvironment environment, DeliveryArns arns, IReadOnlyList<ResolvedApp> apps)
    {
        var apis = apps.OfType<ResolvedApiApp>().ToList();
        if (apis.Count > 0)
        {
            yield return PolicyJson.Allow("PullTeamImages", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                apis.Select(a => arns.Repository(EmitNames.Repository(environment, a.Id))));

            // CloudFormation names an app's log group <stack>-<logical id>-<random>.
            yield return PolicyJson.Allow("WriteTeamLogs", ["logs:CreateLogStream", "logs:PutLogEvents"],
                apis.Select(a => arns.InRegion("logs", $"log-group:{EmitNames.AppStack(environment, a.Id)}-{EmitNames.Pascal(a.Id)}*")));

            // The secrets platform.yaml lists for the team's apps (Secrets Manager appends 6 random characters to a
            // name), and anything under each app's own name prefix.
            var secrets = apis.SelectMany(a => a.Secrets.Select(s => s.Value))
                .Select(reference => reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : arns.InRegion("secretsmanager", $"secret:{reference}-??????"))
                .Concat(apis.Select(a => arns.InRegion("secretsmanager", $"secret:{AppNamePrefix(environment, a.Id)}*")))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            yield return PolicyJson.Allow("ReadTeamSecrets", ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], secrets);
            yield return PolicyJson.Allow("ReadTeamParameters", ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
                apis.Select(a => arns.InRegion("ssm", $"parameter/{AppNamePrefix(environment, a.Id)}*")));

            // Customer-managed keys of secrets and parameters decrypt only on those services' behalf, whose grants above
            // already say which secrets and parameters.
            yield return PolicyJson.Allow("DecryptThroughSecretsAndParameters", ["kms:Decrypt"], [arns.InRegion("kms", "key/*")],
                PolicyJson.Condition("StringEquals", "kms:ViaService", $"secretsmanager.{environment.Region}.amazonaws.com", $"ssm.{environment.Region}.amazonaws.com"));

            // Database users are named after the app (ADR 0009). The instance is a wildcard because the delivery stack can
            // be deployed before the database exists; the user name is what tells one app from another.
            var users = apis.Where(a => a.DatabaseAccess && environment.Database is not null)
                .Select(a => arns.InRegion("rds-db", $"dbuser:*/{EmitNames.DatabaseRole(a.Id)}"))
                .ToList();
            if (users.Count > 0)
            {
                yield return PolicyJson.Allow("ConnectAsTeamDatabaseUsers", ["rds-db:connect"], users);
            }
        }

        // RDS keeps the database's master credentials in a secret it names rds!db-<id>
        // (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html): only the platform's role
        // setup task reads it, never a role a team's stack creates, whatever a listed name or ARN says.
        yield return PolicyJson.Deny("NeverReadDatabaseMasterSecrets", ["secretsmanager:*"], [arns.InAccount("secretsmanager", "secret:rds!*")]);

        // These actions have no resource-level permissions.
        yield return PolicyJson.Allow("RunTimeServices",
            ["cloudwatch:PutMetricData", "ecr:GetAuthorizationToken", "xray:PutTelemetryRecords", "xray:PutTraceSegments"], ["*"]);
    }
}
