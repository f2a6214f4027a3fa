using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>
/// RDS for PostgreSQL in the isolated subnets: encrypted, TLS enforced by its parameter group, master password
/// generated and kept in Secrets Manager by RDS itself (no rotation Lambda), logs in log groups created here with a
/// retention (no CDK log-retention custom resource). Resilient profiles add Multi-AZ, deletion protection and a final snapshot.
/// Deletion protection follows the stack's <see cref="DeletionProtection"/> parameter, so a failed first create can roll back.
/// </summary>
public sealed class Database : Construct
{
    /// <summary>The master user; apps read it from the managed secret as DB_USER.</summary>
    public const string MasterUsername = "trilho";

    /// <summary>Storage autoscaling may grow the disk up to this many times database.storageGiB.</summary>
    public const int MaxStorageFactor = 4;

    private static readonly string[] LogKinds = ["postgresql", "upgrade"];

    /// <summary>The most storage autoscaling may allocate (MaxAllocatedStorage), in GiB.</summary>
    public static int MaxStorageGiB(ResolvedDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.StorageGiB * MaxStorageFactor;
    }

    /// <summary>Creates the instance for <paramref name="database"/>; <paramref name="protection"/> is required when the database asks for deletion protection.</summary>
    public Database(Construct scope, string id, ResolvedEnvironment environment, ResolvedDatabase database, IVpc vpc, ISecurityGroup securityGroup, IKey logsKey, DeletionProtection? protection)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(vpc);
        ArgumentNullException.ThrowIfNull(securityGroup);
        if (database.DeletionProtection && protection is null)
        {
            throw new ArgumentException("a protected database needs the stack's DeletionProtection parameter", nameof(protection));
        }

        var identifier = EmitNames.DatabaseInstance(environment, database);
        var resilient = environment.Profile == Model.Profile.Resilient;

        var subnets = new CfnDBSubnetGroup(this, "Subnets", new CfnDBSubnetGroupProps
        {
            DbSubnetGroupDescription = $"Isolated subnets of {environment.StackPrefix}",
            SubnetIds = vpc.IsolatedSubnets.Select(s => s.SubnetId).ToArray(),
        });

        var major = database.Version.Split('.')[0];
        var parameters = new CfnDBParameterGroup(this, "Parameters", new CfnDBParameterGroupProps
        {
            Description = $"PostgreSQL {major} for {environment.StackPrefix}: TLS required",
            Family = $"postgres{major}",
            Parameters = new Dictionary<string, object>
            {
                ["rds.force_ssl"] = "1",
                ["log_min_duration_statement"] = "1000",
            },
        });

        // RDS writes to these names; creating them first gives them a retention without a custom resource.
        // Kept when the stack is deleted (prod), but not by a rolled-back first create: the retry reuses the names.
        var logs = LogKinds.Select(kind => new LogGroup(this, $"{EmitNames.Pascal(kind)}Logs", new LogGroupProps
        {
            LogGroupName = $"/aws/rds/instance/{identifier}/{kind}",
            Retention = LogRetention.AtLeast(environment.LogRetentionDays),
            EncryptionKey = logsKey,
            RemovalPolicy = resilient ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
        })).ToList();

        // A key of the platform's own, so the key policy (not only IAM) decides who can read snapshots. Kept with the
        // snapshots it encrypts, but not by a rolled-back first create: nothing was ever encrypted with that key.
        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"Encrypts the database of {environment.StackPrefix}",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });
        Key.AddToResourcePolicy(KeyPolicies.GrantsOnlyForAwsServices());

        // Enhanced monitoring: OS-level metrics (CPU steal, memory, IO) every minute, through RDS's own role.
        var monitoring = new Role(this, "MonitoringRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("monitoring.rds.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole")],
        });

        Instance = new CfnDBInstance(this, "Instance", new CfnDBInstanceProps
        {
            DbInstanceIdentifier = identifier,
            Engine = "postgres",
            EngineVersion = database.Version,
            AutoMinorVersionUpgrade = true,

            // database.version is the only way the major changes, and always on purpose (ADR 0004: snapshot first).
            AllowMajorVersionUpgrade = true,
            DbInstanceClass = database.InstanceClass,
            AllocatedStorage = EmitNames.Invariant(database.StorageGiB),
            MaxAllocatedStorage = MaxStorageGiB(database),
            StorageType = "gp3",
            StorageEncrypted = true,
            KmsKeyId = Key.KeyArn,
            MultiAz = database.MultiAz,
            DeletionProtection = database.DeletionProtection ? protection!.Enabled : false,
            BackupRetentionPeriod = database.BackupRetentionDays,
            CopyTagsToSnapshot = true,
            DbName = database.DatabaseName,
            MasterUsername = MasterUsername,
            ManageMasterUserPassword = true,
            EnableIamDatabaseAuthentication = true,
            Port = EmitNames.Invariant(Firewall.DatabasePort),
            PubliclyAccessible = false,
            DbSubnetGroupName = subnets.Ref,
            DbParameterGroupName = parameters.Ref,
            VpcSecurityGroups = [securityGroup.SecurityGroupId],
            EnableCloudwatchLogsExports = LogKinds,
            MonitoringInterval = 60,
            MonitoringRoleArn = monitoring.RoleArn,
        });
        Instance.CfnOptions.DeletionPolicy = resilient ? CfnDeletionPolicy.SNAPSHOT : CfnDeletionPolicy.DELETE;
        Instance.CfnOptions.UpdateReplacePolicy = resilient ? CfnDeletionPolicy.SNAPSHOT : CfnDeletionPolicy.DELETE;
        foreach (var log in logs)
        {
            Instance.Node.AddDependency(log);
        }
    }

    /// <summary>The KMS key of the storage, backups and snapshots.</summary>
    public Key Key { get; }

    /// <summary>The instance.</summary>
    public CfnDBInstance Instance { get; }

    /// <summary>ARN of the secret RDS manages for the master user (JSON with <c>username</c> and <c>password</c>).</summary>
    public string SecretArn => Instance.AttrMasterUserSecretSecretArn;
}
