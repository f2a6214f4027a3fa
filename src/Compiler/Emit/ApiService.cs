using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Trilho.Compiler.Resolution;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using Protocol = Amazon.CDK.AWS.ECS.Protocol;
using SecretsManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace Trilho.Compiler.Emit;

/// <summary>
/// An api app on ECS Fargate: task definition (non-root, read-only root filesystem, logs with retention, secrets from
/// Secrets Manager), service in the private subnets with a deployment circuit breaker, registered in the app's target
/// group (which the shared stack owns with its listener rule, <see cref="AppRoute"/>), and target tracking on CPU and on
/// load balancer requests per task.
/// </summary>
public sealed class ApiService : Construct
{
    /// <summary>Numeric user the container runs as; the image's own user is ignored so root is impossible.</summary>
    public const string ContainerUser = "1000:1000";

    /// <summary>
    /// The one writable path: a bind mount on the task's ephemeral storage. Fargate creates it root-owned 0755 unless
    /// the image declares <c>VOLUME</c> at this path over a directory the app's user can write (docs/app-contract.md).
    /// </summary>
    public const string TempPath = "/tmp";

    /// <summary>Seconds between SIGTERM and SIGKILL when a task stops; the app drains within it.</summary>
    public const int StopTimeoutSeconds = 30;

    /// <summary>Seconds target tracking waits after adding tasks before it may add more.</summary>
    public const int ScaleOutCooldownSeconds = 60;

    /// <summary>Seconds target tracking waits after removing tasks before it may remove more.</summary>
    public const int ScaleInCooldownSeconds = 300;

    /// <summary>Builds the service of <paramref name="app"/>.</summary>
    public ApiService(Construct scope, string id, ResolvedEnvironment environment, ResolvedApiApp app, ApiServiceInputs inputs)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(inputs);

        var vpc = Vpc.FromVpcAttributes(this, "Vpc", new VpcAttributes
        {
            // Only the subnets are read here: nothing in the app stack names the VPC (the target group, which does, is the
            // shared stack's), so its id is not a parameter; a future reference would fail the deploy, not pass silently.
            VpcId = "vpc-unused-by-app-stacks",
            AvailabilityZones = inputs.AvailabilityZones.ToArray(),
            PrivateSubnetIds = inputs.PrivateSubnetIds.ToArray(),
        });
        var cluster = Cluster.FromClusterAttributes(this, "Cluster", new ClusterAttributes
        {
            ClusterName = EmitNames.Cluster(environment),
            Vpc = vpc,
            SecurityGroups = [],
        });
        var securityGroup = SecurityGroup.FromSecurityGroupId(this, "SecurityGroup", inputs.SecurityGroupId, new SecurityGroupImportOptions { Mutable = false });
        var repository = Repository.FromRepositoryName(this, "Repository", EmitNames.Repository(environment, app.Id));

        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = LogRetention.AtLeast(environment.LogRetentionDays),
            EncryptionKey = Key.FromKeyArn(this, "LogsKey", inputs.LogsKeyArn),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            // Named after the app stack, so a team's execution role registers revisions of its own apps only (ADR 0008).
            Family = EmitNames.AppStack(environment, app.Id),
            Cpu = app.Cpu,
            MemoryLimitMiB = app.Memory,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = CpuArchitecture.X86_64,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });
        // The root filesystem is read-only; /tmp is the one writable place, on the task's ephemeral storage.
        task.AddVolume(new Amazon.CDK.AWS.ECS.Volume { Name = "tmp" });

        var container = task.AddContainer("App", new ContainerDefinitionOptions
        {
            ContainerName = app.Id,
            Image = ContainerImage.FromEcrRepository(repository, inputs.ImageTag),
            Essential = true,
            // The whole task's memory as a hard limit: the container is the only one in the task.
            MemoryLimitMiB = app.Memory,
            ReadonlyRootFilesystem = true,
            User = ContainerUser,
            PortMappings = [new PortMapping { ContainerPort = app.Port, Protocol = Protocol.TCP, Name = "http" }],
            Environment = EnvironmentOf(environment, app, inputs.Database?.Endpoint),
            Secrets = SecretsOf(app),
            // ECS sends SIGTERM after the target has drained (DeregistrationDelay), then SIGKILL after this: the app's
            // own shutdown (25 s in the sample backend, docs/app-contract.md) must fit inside it.
            StopTimeout = Duration.Seconds(StopTimeoutSeconds),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                LogGroup = logs,
                StreamPrefix = app.Id,
                Mode = AwsLogDriverMode.NON_BLOCKING,
            }),
        });
        container.AddMountPoints(new MountPoint { ContainerPath = TempPath, SourceVolume = "tmp", ReadOnly = false });

        if (inputs.Database is { } db)
        {
            // IAM database authentication: the task role may log in as the app's own role and no other (not the master).
            task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["rds-db:connect"],
                Resources = [Arn.Format(new ArnComponents
                {
                    Service = "rds-db",
                    Resource = "dbuser",
                    ResourceName = $"{db.ResourceId}/{EmitNames.DatabaseRole(app.Id)}",
                    ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
                }, Stack.Of(this))],
            }));
        }

        // The target group and its listener rule belong to the shared stack (AppRoute), which deploys first.
        var targets = ApplicationTargetGroup.FromTargetGroupAttributes(this, "Targets", new TargetGroupAttributes
        {
            TargetGroupArn = inputs.TargetGroupArn,
        });

        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = cluster,
            TaskDefinition = task,
            VpcSubnets = new SubnetSelection { Subnets = vpc.PrivateSubnets },
            SecurityGroups = [securityGroup],
            AssignPublicIp = false,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            HealthCheckGracePeriod = Duration.Seconds(60),
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            PropagateTags = PropagatedTagSource.SERVICE,
            PlatformVersion = FargatePlatformVersion.LATEST,
        });
        Service.AttachToApplicationTargetGroup(targets);

        // Fast out, slow in: a spike adds tasks every minute; a lull removes them only after 5 quiet minutes, so no flapping.
        var scaling = new ScalableTarget(this, "Scaling", new ScalableTargetProps
        {
            ServiceNamespace = ServiceNamespace.ECS,
            ResourceId = $"service/{EmitNames.Cluster(environment)}/{Service.ServiceName}",
            ScalableDimension = "ecs:service:DesiredCount",
            MinCapacity = app.Scale.Min,
            MaxCapacity = app.Scale.Max,
            Role = Role.FromRoleArn(this, "ScalingRole", Arn.Format(new ArnComponents
            {
                Service = "iam",
                Region = string.Empty,
                Resource = "role/aws-service-role/ecs.application-autoscaling.amazonaws.com",
                ResourceName = "AWSServiceRoleForApplicationAutoScaling_ECSService",
            }, Stack.Of(this))),
        });
        scaling.ScaleToTrackMetric("Cpu", new BasicTargetTrackingScalingPolicyProps
        {
            PredefinedMetric = PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION,
            TargetValue = app.Scale.CpuPercent,
            ScaleOutCooldown = Duration.Seconds(ScaleOutCooldownSeconds),
            ScaleInCooldown = Duration.Seconds(ScaleInCooldownSeconds),
            DisableScaleIn = false,
        });
        scaling.ScaleToTrackMetric("Requests", new BasicTargetTrackingScalingPolicyProps
        {
            PredefinedMetric = PredefinedMetric.ALB_REQUEST_COUNT_PER_TARGET,
            ResourceLabel = $"{inputs.LoadBalancerFullName}/{inputs.TargetGroupFullName}",
            TargetValue = app.Scale.RequestsPerTask,
            ScaleOutCooldown = Duration.Seconds(ScaleOutCooldownSeconds),
            ScaleInCooldown = Duration.Seconds(ScaleInCooldownSeconds),
            DisableScaleIn = false,
        });

        // The imported subnets have no route table ids; nothing here reads them.
        Annotations.Of(this).AcknowledgeWarning("@aws-cdk/aws-ec2:noSubnetRouteTableId", "Route tables belong to the shared stack");
        Annotations.Of(this).AcknowledgeWarning("@aws-cdk/aws-elbv2:albTargetGroupCannotRegisterConnectable", "The shared stack's firewall admits the load balancer to the app's security group");
    }

    /// <summary>Target-tracking policies per app (CPU, requests per task); the cost estimate counts the alarms each creates.</summary>
    public const int TargetTrackingPolicies = 2;

    /// <summary>The ECS service.</summary>
    public FargateService Service { get; }

    /// <summary>The plain environment variables of the app contract (docs/app-contract.md), then the app's own.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="app">The app.</param>
    /// <param name="databaseEndpoint">The database endpoint address (a token in the template), or null without database access.</param>
    public static IDictionary<string, string> EnvironmentOf(ResolvedEnvironment environment, ResolvedApiApp app, string? databaseEndpoint)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(app);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in app.Env)
        {
            variables[name] = value;
        }

        variables[ContainerVariables.Port] = EmitNames.Invariant(app.Port);
        variables[ContainerVariables.BasePath] = app.Path;
        // Without a domain the public name is CloudFront's own, known only after the edge stack exists.
        if (EmitNames.PublicHost(environment) is { } host)
        {
            variables[ContainerVariables.PublicUrl] = $"https://{host}{app.Path}";
        }

        variables[ContainerVariables.TempDir] = TempPath;
        if (app.DatabaseAccess && environment.Database is { } database && databaseEndpoint is not null)
        {
            // The endpoint, not the private CNAME: it is the name in the server certificate (VerifyFull) and the host
            // an IAM token must be signed for. Its identifier is fixed, so it survives failovers and replacements.
            variables[ContainerVariables.DbHost] = databaseEndpoint;
            variables[ContainerVariables.DbPort] = EmitNames.Invariant(Firewall.DatabasePort);
            variables[ContainerVariables.DbName] = database.DatabaseName;
            variables[ContainerVariables.DbUser] = EmitNames.DatabaseRole(app.Id);
            variables[ContainerVariables.DbAuth] = "iam";
            variables[ContainerVariables.DbSslMode] = "VerifyFull";
            variables[ContainerVariables.AwsRegion] = environment.Region;
        }

        return variables;
    }

    private SortedDictionary<string, EcsSecret> SecretsOf(ResolvedApiApp app)
    {
        var secrets = new SortedDictionary<string, EcsSecret>(StringComparer.Ordinal);
        foreach (var (name, reference) in app.Secrets)
        {
            var secret = reference.StartsWith("arn:", StringComparison.Ordinal)
                ? SecretsManagerSecret.FromSecretCompleteArn(this, $"Secret{name}", reference)
                : SecretsManagerSecret.FromSecretNameV2(this, $"Secret{name}", reference);
            secrets[name] = EcsSecret.FromSecretsManager(secret);
        }

        return secrets;
    }
}
