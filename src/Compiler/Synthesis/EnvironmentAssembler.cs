using Amazon.CDK;
using Constructs;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Emit.Delivery;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Splits one environment into stacks (docs/decisions/0001-stack-split.md) and wires them with parameters instead of
/// exports: global (us-east-1, only when needed), shared, one per app, edge, edge logs (us-east-1), edge monitoring (us-east-1), monitoring,
/// and delivery when platform.yaml has a delivery section. Emit constructs do the building.
/// </summary>
internal static class EnvironmentAssembler
{
    public const string GlobalRegion = "us-east-1";

    public const string ImageTagParameter = "ImageTag";

    public static (List<PlannedStack> Stacks, List<ImagePush> Images, string? PushImagesAfter, List<TaskRun> Tasks) Assemble(App app, ResolvedPlatform platform, ResolvedEnvironment environment)
    {
        var stacks = new List<PlannedStack>();
        var images = new List<ImagePush>();
        var apiApps = environment.Apps.OfType<ResolvedApiApp>().ToList();
        var host = EmitNames.PublicHost(environment);

        ParameterValue? certificate = host is not null && environment.Ingress.CertificateArn is { } given ? ParameterValue.Literal(given) : null;
        ParameterValue? webAcl = null;
        var createCertificate = host is not null && environment.Ingress.CertificateArn is null;
        if (createCertificate || environment.Ingress.Firewall)
        {
            var global = Stack(app, environment, EmitNames.GlobalStack(environment), GlobalRegion, "What CloudFront needs in us-east-1: certificate and web ACL");
            var globalEdge = new GlobalEdge(global.Stack, "Edge", environment, createCertificate, environment.Ingress.Firewall, apiApps.Select(a => a.Path).ToList());
            if (globalEdge.Certificate is { } created)
            {
                certificate = global.Output("CertificateArn", created.CertificateArn, "Certificate of the public name");
            }

            if (globalEdge.WebAcl is { } acl)
            {
                webAcl = global.Output("WebAclArn", acl.AttrArn, "Web ACL attached to the distribution");
            }

            stacks.Add(global);
        }

        // Without api apps or a database nothing needs a VPC: no shared stack, no NAT gateway bill.
        var shared = apiApps.Count > 0 || environment.Database is not null ? AssembleShared(app, environment, apiApps) : null;
        if (shared is not null)
        {
            stacks.Add(shared.Stack);
        }

        var buckets = new List<(ResolvedApp App, ParameterValue Name, ParameterValue Domain)>();
        var monitoringSources = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var resolved in environment.Apps)
        {
            var stack = Stack(app, environment, EmitNames.AppStack(environment, resolved.Id), environment.Region, $"App {resolved.Id} of team {resolved.Team}");
            Tags.Of(stack.Stack).Add("trilho:app", resolved.Id);
            Tags.Of(stack.Stack).Add("trilho:team", resolved.Team);
            var id = EmitNames.Pascal(resolved.Id);
            if (resolved is ResolvedApiApp api)
            {
                var (securityGroup, repository, targetGroupArn, targetGroupFullName) = shared!.Apps[api.Id];
                var inputs = new ApiServiceInputs(
                    AvailabilityZones: shared.PrivateSubnetIds.Select((_, i) => Fn.Select(i, Fn.GetAzs())).ToList(),
                    PrivateSubnetIds: shared.PrivateSubnetIds.Select((source, i) => stack.Parameter($"PrivateSubnet{i + 1}Id", source, $"Private subnet {i + 1}")).ToList(),
                    SecurityGroupId: stack.Parameter("SecurityGroupId", securityGroup, "Security group of the tasks"),
                    TargetGroupArn: stack.Parameter("TargetGroupArn", targetGroupArn, "Target group of the app, with its listener rule in the shared stack"),
                    TargetGroupFullName: stack.Parameter("TargetGroupFullName", targetGroupFullName, "Target group name for request metrics"),
                    LoadBalancerFullName: stack.Parameter("LoadBalancerFullName", shared.LoadBalancerFullName!, "Load balancer full name"),
                    LogsKeyArn: stack.Parameter("LogsKeyArn", shared.LogsKeyArn, "KMS key of the app's log group"),
                    ImageTag: stack.Parameter(ImageTagParameter, ParameterValue.ImageTag(api.Id), "Tag of the image to run, pushed to the app's repository before deploying"),
                    Database: api.DatabaseAccess && shared.Database is { } db
                        ? new ApiDatabaseInputs(
                            stack.Parameter("DatabaseEndpoint", db.Endpoint, "Endpoint address of the database (TLS name and IAM token host)"),
                            stack.Parameter("DatabaseResourceId", db.ResourceId, "DbiResourceId of the database, for rds-db:connect"))
                        : null);
                var service = new ApiService(stack.Stack, id, environment, api, inputs);
                RollBackOnReleaseAlarms(stack.Stack, environment, api, service, inputs.TargetGroupFullName, inputs.LoadBalancerFullName);
                monitoringSources[MonitoringNames.ServiceName(api.Id)] = stack.Output("ServiceName", service.Service.ServiceName, "ECS service");
                monitoringSources[MonitoringNames.TargetGroupFullName(api.Id)] = targetGroupFullName;
                images.Add(new ImagePush(api.Id, repository, stack.StackName, ImageTagParameter));
            }
            else
            {
                var site = new StaticSite(stack.Stack, id);
                var bucket = stack.Output("BucketName", site.Bucket.BucketName, $"Upload the app's files under {resolved.Path.TrimStart('/')}/ in this bucket");
                var domain = stack.Output("BucketRegionalDomainName", site.Bucket.BucketRegionalDomainName, "Origin domain of the bucket");
                buckets.Add((resolved, bucket, domain));
            }

            if (platform.Delivery is not null)
            {
                // The team's execution role may create only roles that carry its team's boundary (docs/security.md).
                Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(stack.Stack).Apply(Amazon.CDK.AWS.IAM.ManagedPolicy.FromManagedPolicyName(stack.Stack, "TeamBoundary", DeliveryNames.TeamBoundary(environment, resolved.Team)));
            }

            stacks.Add(stack);
        }

        var edgeStack = Stack(app, environment, EmitNames.EdgeStack(environment), environment.Region, "CloudFront distribution and public DNS name of every app");
        var origins = new EdgeOrigins(
            LoadBalancer: apiApps.Count == 0 ? null : new LoadBalancerOrigin(
                edgeStack.Parameter("LoadBalancerArn", shared!.LoadBalancerArn!, "Internal load balancer behind the VPC origin"),
                edgeStack.Parameter("LoadBalancerDnsName", shared.LoadBalancerDnsName!, "Internal load balancer DNS name"),
                apiApps.Select(a => a.Path).ToList()),
            StaticApps: buckets.Select(b => new StaticOrigin(
                b.App.Id,
                b.App.Path,
                edgeStack.Parameter($"{EmitNames.Pascal(b.App.Id)}BucketName", b.Name, $"Bucket of {b.App.Id}"),
                edgeStack.Parameter($"{EmitNames.Pascal(b.App.Id)}BucketRegionalDomainName", b.Domain, $"Bucket domain of {b.App.Id}"),
                ((ResolvedStaticApp)b.App).Spa,
                ((ResolvedStaticApp)b.App).ContentSecurityPolicy)).ToList(),
            CertificateArn: certificate is null ? null : edgeStack.Parameter("CertificateArn", certificate, "us-east-1 certificate of the public name"),
            WebAclArn: webAcl is null ? null : edgeStack.Parameter("WebAclArn", webAcl, "CLOUDFRONT-scope web ACL"));
        var edge = new Edge(edgeStack.Stack, "Edge", environment, origins);
        monitoringSources[MonitoringNames.DistributionId] = edgeStack.Output("DistributionId", edge.Distribution.DistributionId, "CloudFront distribution");
        monitoringSources[MonitoringNames.PublicHostName] = edgeStack.Output("DistributionDomainName", edge.Distribution.DistributionDomainName, "CloudFront's own name of the distribution");
        edgeStack.Output("Url", $"https://{host ?? edge.Distribution.DistributionDomainName}", "Public address of the apps");
        stacks.Add(edgeStack);

        // CloudFront's log delivery source exists only in us-east-1; the alarms on its per-path metrics live there too.
        var edgeLogs = Stack(app, environment, EmitNames.EdgeLogsStack(environment), GlobalRegion, "CloudFront access logs in CloudWatch Logs and the static apps' per-path metrics");
        _ = new EdgeLogs(edgeLogs.Stack, "EdgeLogs", environment, edgeLogs.Parameter("DistributionId", edgeStack.OutputOf("DistributionId"), "CloudFront distribution whose access logs are delivered"));
        stacks.Add(edgeLogs);

        if (shared is not null)
        {
            AddIfSet(monitoringSources, MonitoringNames.LoadBalancerFullName, shared.LoadBalancerFullName);
            AddIfSet(monitoringSources, MonitoringNames.ClusterName, shared.ClusterName);
            AddIfSet(monitoringSources, MonitoringNames.DatabaseInstanceId, shared.DatabaseInstanceId);
        }

        stacks.AddRange(MonitoringWiring.Plan(StageTrace.Time($"{environment.Name}: monitoring", () => MonitoringEmitter.Add(app, environment)), environment, monitoringSources));
        if (platform.Delivery is { } delivery)
        {
            stacks.Add(AssembleDelivery(app, platform, environment, delivery));
        }

        return (stacks, images, apiApps.Count > 0 ? shared!.Stack.StackName : null, shared?.DatabaseRoles is { } roles ? [roles] : []);
    }

    /// <summary>
    /// A release whose error rate or latency breaks the app's SLO in its first minutes rolls back by itself. The
    /// alarms live in the app stack (they must exist before the service deploys) under one construct the service
    /// depends on, because the service names them by literal name, which CloudFormation does not see as a dependency.
    /// </summary>
    private static void RollBackOnReleaseAlarms(Stack stack, ResolvedEnvironment environment, ResolvedApiApp api, ApiService service, string targetGroupFullName, string loadBalancerFullName)
    {
        var scope = new Construct(stack, "ReleaseAlarms");
        var names = ReleaseAlarms.Create(scope, environment, api, targetGroupFullName, loadBalancerFullName);
        service.Service.EnableDeploymentAlarms([.. names], new Amazon.CDK.AWS.ECS.DeploymentAlarmOptions { Behavior = Amazon.CDK.AWS.ECS.AlarmBehavior.ROLLBACK_ON_ALARM });
        service.Service.Node.AddDependency(scope);
    }

    private static PlannedStack AssembleDelivery(App app, ResolvedPlatform platform, ResolvedEnvironment environment, DeliverySpec delivery)
    {
        var planned = Stack(app, environment, DeliveryNames.Stack(environment), environment.Region, "GitHub OIDC provider and the deploy roles of the platform and of each team");
        planned.RequiredCapabilities = [DeliveryStack.RequiredCapability];
        var result = DeliveryStack.Add(planned.Stack, platform, environment, delivery);
        foreach (var parameter in result.Parameters)
        {
            planned.Record(parameter.Name, parameter.Literal is { } literal
                ? ParameterValue.Literal(literal)
                : ParameterValue.StackOutput(parameter.FromStack!, parameter.FromRegion!, parameter.Output!));
        }

        return planned;
    }

    private static void AddIfSet(Dictionary<string, ParameterValue> sources, string name, ParameterValue? value)
    {
        if (value is not null)
        {
            sources[name] = value;
        }
    }

    private static SharedStackOutputs AssembleShared(App app, ResolvedEnvironment environment, List<ResolvedApiApp> apiApps)
    {
        var shared = Stack(app, environment, EmitNames.SharedStack(environment), environment.Region, "Network, firewall, database, private DNS, load balancer and image repositories");
        var resilient = environment.Profile == Profile.Resilient;
        var logsKey = new LogsKey(shared.Stack, "LogsKey", environment.StackPrefix);
        var logsKeyArn = shared.Output("LogsKeyArn", logsKey.Key.KeyArn, "KMS key of the log groups");
        var network = new Network(shared.Stack, "Network", environment.Network, logsKey.Key, resilient ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        var protection = ProtectionOf(shared, environment, apiApps);
        var vpcId = shared.Output("VpcId", network.Vpc.VpcId, "The VPC");
        var subnetIds = network.Vpc.PrivateSubnets
            .Select((subnet, i) => shared.Output($"PrivateSubnet{i + 1}Id", subnet.SubnetId, $"Private subnet {i + 1}"))
            .ToList();

        var prefixList = apiApps.Count == 0 ? string.Empty : shared.Parameter(
            "CloudFrontPrefixListId",
            CloudFrontPrefixLists.For(environment.Region) is { } known ? ParameterValue.Literal(known) : ParameterValue.FromCommand(CloudFrontPrefixLists.LookupCommand),
            $"Id of the managed prefix list com.amazonaws.global.cloudfront.origin-facing in {environment.Region}");
        var firewall = new Firewall(shared.Stack, "Firewall", network.Vpc, environment, prefixList);

        (ParameterValue, ParameterValue)? databaseOutputs = null;
        ParameterValue? databaseInstance = null;
        Database? instance = null;
        if (environment.Database is { } database)
        {
            instance = new Database(shared.Stack, "Database", environment, database, network.Vpc, firewall.Database!, logsKey.Key, protection);
            _ = new PrivateDns(shared.Stack, "PrivateDns", network.Vpc, environment.PrivateZoneName, database.Hostname, instance.Instance.AttrEndpointAddress);
            databaseOutputs = (
                shared.Output("DatabaseEndpoint", instance.Instance.AttrEndpointAddress, "Endpoint address of the database"),
                shared.Output("DatabaseResourceId", instance.Instance.AttrDbiResourceId, "DbiResourceId of the database"));
            databaseInstance = shared.Output("DatabaseInstanceId", instance.Instance.Ref, "RDS instance identifier for database metrics");
            shared.Output("DatabaseHost", EmitNames.DatabaseHost(environment, database), "Private name of the database");
        }

        var appInputs = new Dictionary<string, (ParameterValue SecurityGroup, ParameterValue Repository, ParameterValue TargetGroupArn, ParameterValue TargetGroupFullName)>(StringComparer.Ordinal);
        ParameterValue? albArn = null, albDns = null, albFullName = null, clusterName = null;
        TaskRun? databaseRoles = null;
        if (apiApps.Count > 0)
        {
            var cluster = new ServiceCluster(shared.Stack, "Cluster", environment, network.Vpc);
            clusterName = shared.Output("ClusterName", cluster.Cluster.ClusterName, "ECS cluster of the api apps");
            if (instance is not null && firewall.DatabaseRoles is { } rolesGroup)
            {
                var roles = new DatabaseRoles(shared.Stack, "DatabaseRoles", environment, environment.Database!, instance, logsKey.Key);
                databaseRoles = new TaskRun(
                    "databaseRoles",
                    "Create each app's database role and schema (idempotent SQL run by psql as the master user) and wait for it: the app stacks below connect as those roles.",
                    shared.StackName,
                    environment.Region,
                    clusterName,
                    shared.Output("DatabaseRolesTaskDefinitionArn", roles.TaskDefinition.TaskDefinitionArn, "Task definition of the database role setup"),
                    DatabaseRoles.ContainerName,
                    subnetIds,
                    shared.Output("DatabaseRolesSecurityGroupId", rolesGroup.SecurityGroupId, "Security group of the database role setup task"),
                    shared.Output("DatabaseRolesLogGroupName", roles.LogGroup.LogGroupName, "Log group of the database role setup task"),
                    DatabaseRoles.StreamPrefix);
            }

            var loadBalancer = new LoadBalancer(shared.Stack, "LoadBalancer", network.Vpc, firewall.LoadBalancer!, resilient ? protection : null, environment.LogRetentionDays);
            albArn = shared.Output("LoadBalancerArn", loadBalancer.Alb.LoadBalancerArn, "Internal load balancer");
            albDns = shared.Output("LoadBalancerDnsName", loadBalancer.Alb.LoadBalancerDnsName, "Internal load balancer DNS name");
            albFullName = shared.Output("LoadBalancerFullName", loadBalancer.Alb.LoadBalancerFullName, "Load balancer name for request metrics");
            var repositories = new ImageRepositories(shared.Stack, "Images", environment);
            var priorities = EmitNames.ListenerPriorities(apiApps.Select(a => a.Id));
            foreach (var api in apiApps)
            {
                var name = EmitNames.Pascal(api.Id);
                // The platform owns every listener rule (ADR 0008): a new app's rule and target group exist before its
                // service registers, and go away with the app only after its stack is deleted.
                var route = new AppRoute(shared.Stack, $"Route{name}", network.Vpc, loadBalancer.Listener, api, priorities[api.Id]);
                appInputs[api.Id] = (
                    shared.Output($"{name}SecurityGroupId", firewall.App(api.Id).SecurityGroupId, $"Security group of {api.Id}"),
                    shared.Output($"{name}RepositoryUri", repositories.For(api.Id).RepositoryUri, $"Image repository of {api.Id}"),
                    shared.Output($"{name}TargetGroupArn", route.TargetGroup.TargetGroupArn, $"Target group of {api.Id}, forwarded its path by the listener"),
                    shared.Output($"{name}TargetGroupFullName", route.TargetGroup.TargetGroupFullName, $"Target group name of {api.Id} for request metrics"));
            }
        }

        return new SharedStackOutputs(shared, vpcId, subnetIds, logsKeyArn, databaseOutputs, appInputs, albArn, albDns, albFullName, clusterName, databaseInstance, databaseRoles);
    }

    /// <summary>The DeletionProtection parameter when the shared stack has anything to protect (a protected database, a resilient load balancer).</summary>
    private static DeletionProtection? ProtectionOf(PlannedStack shared, ResolvedEnvironment environment, List<ResolvedApiApp> apiApps)
    {
        var protectsDatabase = environment.Database is { DeletionProtection: true };
        var protectsLoadBalancer = apiApps.Count > 0 && environment.Profile == Profile.Resilient;
        if (!protectsDatabase && !protectsLoadBalancer)
        {
            return null;
        }

        var protection = new DeletionProtection(shared.Stack, "DeletionProtectionSwitch");
        shared.Record(DeletionProtection.ParameterName, ParameterValue.AfterFirstCreate("true", "false"));
        return protection;
    }

    private static PlannedStack Stack(App app, ResolvedEnvironment environment, string name, string region, string description) =>
        new(app, name, region, environment.Account, $"Trilho {environment.StackPrefix}: {description}");
}
