using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Trilho.Compiler.Resolution;
using SecretsManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace Trilho.Compiler.Emit;

/// <summary>
/// Creates one PostgreSQL role per app in <c>database.access</c>, each logging in only with an IAM token (<c>rds_iam</c>)
/// and owning a schema of its own name, without a Lambda function (docs/decisions/0009-database-identity.md): a one-off
/// Fargate task runs <see cref="Sql"/> with <c>psql</c> as the master user. <c>trilho deploy</c> runs it as the plan's
/// runTask step after the shared stack and before the app stacks, waits for it and fails on a non-zero exit. The SQL
/// is idempotent, so every deploy runs it again.
/// </summary>
public sealed class DatabaseRoles : Construct
{
    /// <summary>The container that runs psql; its exit code is the step's result.</summary>
    public const string ContainerName = "psql";

    /// <summary>Log stream prefix: streams are <c>roles/psql/&lt;task id&gt;</c>.</summary>
    public const string StreamPrefix = "roles";

    /// <summary>Whether <paramref name="environment"/> has the task: a database some api app has access to.</summary>
    public static bool Exists(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Database is { Access.Count: > 0 } && environment.Apps.OfType<ResolvedApiApp>().Any();
    }

    /// <summary>Creates the task definition and its log group.</summary>
    public DatabaseRoles(Construct scope, string id, ResolvedEnvironment environment, ResolvedDatabase database, Database instance, IKey logsKey)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(instance);

        // Named, so the platform deploy role can read exactly this group when the task fails.
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = EmitNames.DatabaseRolesTask(environment),
            Retention = LogRetention.AtLeast(environment.LogRetentionDays),
            EncryptionKey = logsKey,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            // Named, so the platform deploy role may run exactly this family and no app's.
            Family = EmitNames.DatabaseRolesTask(environment),
            Cpu = 256,
            MemoryLimitMiB = 512,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = CpuArchitecture.X86_64,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });
        var master = SecretsManagerSecret.FromSecretCompleteArn(this, "MasterSecret", instance.SecretArn);
        var major = database.Version.Split('.')[0];
        _ = task.AddContainer("Psql", new ContainerDefinitionOptions
        {
            ContainerName = ContainerName,
            // The official PostgreSQL image of the database's major version, for its psql; pulled through the NAT.
            Image = ContainerImage.FromRegistry($"public.ecr.aws/docker/library/postgres:{major}-alpine"),
            Essential = true,
            // The container's own hard limit, the task's size: a limit per container is what Control Tower asks (CT.ECS.PR.7).
            MemoryLimitMiB = 512,
            ReadonlyRootFilesystem = true,
            // The image's own postgres user: psql needs no privilege.
            User = "70:70",
            Command = ["psql", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-c", Sql(database.DatabaseName, database.Access.Select(EmitNames.DatabaseRole))],
            Environment = new Dictionary<string, string>
            {
                ["PGHOST"] = instance.Instance.AttrEndpointAddress,
                ["PGPORT"] = EmitNames.Invariant(Firewall.DatabasePort),
                ["PGDATABASE"] = database.DatabaseName,
                // The image has no RDS CA bundle; TLS is still mandatory (rds.force_ssl) and the endpoint is private.
                ["PGSSLMODE"] = "require",
                ["PGCONNECT_TIMEOUT"] = "10",
            },
            Secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret>
            {
                ["PGUSER"] = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(master, "username"),
                ["PGPASSWORD"] = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(master, "password"),
            },
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroup, StreamPrefix = StreamPrefix }),
        });

        // No rule runs it: the deploy plan does, after the stack (and so the instance) is complete.
        TaskDefinition = task;
    }

    /// <summary>The log group of the task's output.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>The one-off task.</summary>
    public FargateTaskDefinition TaskDefinition { get; }

    /// <summary>
    /// Idempotent SQL run as the master user: for each role, create it if missing (LOGIN, no password: <c>rds_iam</c>
    /// makes it log in only with an IAM token), let it connect, and give it a schema of its own name. PostgreSQL's
    /// default <c>search_path</c> (<c>"$user", public</c>) puts the app's unqualified tables there. Nobody else may
    /// connect or create in <c>public</c>, and no role gets any privilege on another role's schema.
    /// </summary>
    public static string Sql(string databaseName, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(databaseName);
        ArgumentNullException.ThrowIfNull(roles);
        var database = Identifier(databaseName);
        var sql = new StringBuilder();
        sql.Append("REVOKE ALL ON DATABASE ").Append(database).Append(" FROM PUBLIC;");
        sql.Append("REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
        foreach (var role in roles.Order(StringComparer.Ordinal))
        {
            var name = Identifier(role);
            sql.Append("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ").Append(Literal(role))
                .Append(") THEN CREATE ROLE ").Append(name).Append(" LOGIN; END IF; END$$;");
            // Not NOSUPERUSER: PostgreSQL refuses to name that attribute unless the caller is a superuser, and the RDS master
            // is not one; a role the master creates can never be a superuser anyway.
            sql.Append("ALTER ROLE ").Append(name).Append(" NOCREATEDB NOCREATEROLE LOGIN;");
            sql.Append("GRANT rds_iam TO ").Append(name).Append(';');
            // The master must be a member to create a schema owned by the role (PostgreSQL 16 requires SET on the role).
            sql.Append("GRANT ").Append(name).Append(" TO CURRENT_USER;");
            sql.Append("GRANT CONNECT, TEMPORARY ON DATABASE ").Append(database).Append(" TO ").Append(name).Append(';');
            sql.Append("CREATE SCHEMA IF NOT EXISTS ").Append(name).Append(" AUTHORIZATION ").Append(name).Append(';');
        }

        return sql.ToString();
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
