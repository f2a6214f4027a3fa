using Amazon.CDK;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>
/// <c>-shared</c>, only with api apps or a database (nothing else needs a VPC, so no NAT bill): network, firewall,
/// database and private DNS, the database-role task, load balancer, cluster, and each api app's route and image
/// repository. Imports nothing; nearly every regional stack imports from it.
/// </summary>
internal static class SharedStack
{
    private const string LogsKeyOutput = "LogsKeyArn";
    private const string DatabaseEndpointOutput = "DatabaseEndpoint";
    private const string DatabaseResourceIdOutput = "DatabaseResourceId";
    private const string DatabaseInstanceIdOutput = "DatabaseInstanceId";
    private const string ClusterOutput = "ClusterName";
    private const string LoadBalancerArnOutput = "LoadBalancerArn";
    private const string LoadBalancerDnsOutput = "LoadBalancerDnsName";
    private const string LoadBalancerNameOutput = "LoadBalancerFullName";
    private const string SecurityGroup = "SecurityGroupId";
    private const string Repository = "RepositoryUri";
    private const string TargetGroupArn = "TargetGroupArn";
    private const string TargetGroupName = "TargetGroupFullName";

    /// <summary>Adds the stack when the environment needs it; null otherwise.</summary>
    public static SharedOutputs? Add(StackGraph graph, ResolvedEnvironment environment)
    {
        var apiApps = environment.Apps.OfType<ResolvedApiApp>().ToList();
        if (apiApps.Count == 0 && environment.Database is null)
        {
            return null;
        }

        var shared = graph.Add(EmitNames.SharedStack(environment), environment.Region, "Network, firewall, database, private DNS, load balancer and image repositories", inputs: StackInputs.Environment);
        if (shared.Replayed is not null)
        {
            return Replayed(shared, environment, apiApps);
        }

        var resilient = environment.Profile == Profile.Resilient;
        var logsKey = new LogsKey(shared.Stack, "LogsKey", environment.StackPrefix);
        var logsKeyArn = shared.Export(LogsKeyOutput, logsKey.Key.KeyArn, "KMS key of the log groups");
        var network = new Network(shared.Stack, "Network", environment.Network, logsKey.Key, resilient ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        var protection = ProtectionOf(shared, environment, apiApps);
        _ = shared.Export("VpcId", network.Vpc.VpcId, "The VPC");
        var subnetIds = network.Vpc.PrivateSubnets
            .Select((subnet, i) => shared.Export(SubnetOutput(i), subnet.SubnetId, $"Private subnet {i + 1}"))
            .ToList();

        var prefixList = apiApps.Count == 0 ? string.Empty : shared.Parameter(
            "CloudFrontPrefixListId",
            CloudFrontPrefixLists.For(environment.Region) is { } known ? ParameterValue.Literal(known) : ParameterValue.FromCommand(CloudFrontPrefixLists.LookupCommand),
            $"Id of the managed prefix list com.amazonaws.global.cloudfront.origin-facing in {environment.Region}");
        var firewall = new Firewall(shared.Stack, "Firewall", network.Vpc, environment, prefixList);

        SharedDatabaseOutputs? databaseOutputs = null;
        Database? instance = null;
        if (environment.Database is { } database)
        {
            instance = new Database(shared.Stack, "Database", environment, database, network.Vpc, firewall.Database!, logsKey.Key, protection);
            _ = new PrivateDns(shared.Stack, "PrivateDns", network.Vpc, environment.PrivateZoneName, database.Hostname, instance.Instance.AttrEndpointAddress);
            var endpoint = shared.Export(DatabaseEndpointOutput, instance.Instance.AttrEndpointAddress, "Endpoint address of the database");
            var resourceId = shared.Export(DatabaseResourceIdOutput, instance.Instance.AttrDbiResourceId, "DbiResourceId of the database");
            var instanceId = shared.Export(DatabaseInstanceIdOutput, instance.Instance.Ref, "RDS instance identifier for database metrics");
            databaseOutputs = new SharedDatabaseOutputs(endpoint, resourceId, instanceId);
            shared.Export("DatabaseHost", EmitNames.DatabaseHost(environment, database), "Private name of the database");
        }

        SharedApiOutputs? api = null;
        if (apiApps.Count > 0)
        {
            var cluster = new ServiceCluster(shared.Stack, "Cluster", environment, network.Vpc);
            var clusterName = shared.Export(ClusterOutput, cluster.Cluster.ClusterName, "ECS cluster of the api apps");
            if (instance is not null && firewall.DatabaseRoles is { } rolesGroup)
            {
                var roles = new DatabaseRoles(shared.Stack, "DatabaseRoles", environment, environment.Database!, instance, logsKey.Key);
                graph.RunTask(
                    "databaseRoles",
                    "Create each app's database role and schema (idempotent SQL run by psql as the master user) and wait for it: the app stacks below connect as those roles.",
                    clusterName,
                    shared.Export("DatabaseRolesTaskDefinitionArn", roles.TaskDefinition.TaskDefinitionArn, "Task definition of the database role setup"),
                    DatabaseRoles.ContainerName,
                    subnetIds,
                    shared.Export("DatabaseRolesSecurityGroupId", rolesGroup.SecurityGroupId, "Security group of the database role setup task"),
                    shared.Export("DatabaseRolesLogGroupName", roles.LogGroup.LogGroupName, "Log group of the database role setup task"),
                    DatabaseRoles.StreamPrefix);
            }

            var loadBalancer = new LoadBalancer(shared.Stack, "LoadBalancer", network.Vpc, firewall.LoadBalancer!, resilient ? protection : null, environment.LogRetentionDays);
            var albArn = shared.Export(LoadBalancerArnOutput, loadBalancer.Alb.LoadBalancerArn, "Internal load balancer");
            var albDns = shared.Export(LoadBalancerDnsOutput, loadBalancer.Alb.LoadBalancerDnsName, "Internal load balancer DNS name");
            var albFullName = shared.Export(LoadBalancerNameOutput, loadBalancer.Alb.LoadBalancerFullName, "Load balancer name for request metrics");
            var repositories = new ImageRepositories(shared.Stack, "Images", environment);
            var priorities = EmitNames.ListenerPriorities(apiApps.Select(a => a.Id));
            var routes = new Dictionary<string, AppRouteOutputs>(StringComparer.Ordinal);
            foreach (var app in apiApps)
            {
                var name = EmitNames.Pascal(app.Id);
                // The platform owns every listener rule (ADR 0008): a new app's rule and target group exist before its
                // service registers, and go away with the app only after its stack is deleted.
                var route = new AppRoute(shared.Stack, $"Route{name}", network.Vpc, loadBalancer.Listener, app, priorities[app.Id]);
                routes[app.Id] = new AppRouteOutputs(
                    shared.Export(RouteOutput(app, SecurityGroup), firewall.App(app.Id).SecurityGroupId, $"Security group of {app.Id}"),
                    shared.Export(RouteOutput(app, Repository), repositories.For(app.Id).RepositoryUri, $"Image repository of {app.Id}"),
                    shared.Export(RouteOutput(app, TargetGroupArn), route.TargetGroup.TargetGroupArn, $"Target group of {app.Id}, forwarded its path by the listener"),
                    shared.Export(RouteOutput(app, TargetGroupName), route.TargetGroup.TargetGroupFullName, $"Target group name of {app.Id} for request metrics"));
            }

            api = new SharedApiOutputs(clusterName, albArn, albDns, albFullName, routes);
        }

        return new SharedOutputs(subnetIds, logsKeyArn, databaseOutputs, api);
    }

    // What a replayed shared stack exports, read back by the names the build above gives them.
    private static SharedOutputs Replayed(StackNode shared, ResolvedEnvironment environment, List<ResolvedApiApp> apiApps)
    {
        var subnets = Enumerable.Range(0, shared.Exports.Count).Select(SubnetOutput).TakeWhile(n => shared.Exports.Any(e => e.Name == n)).Select(shared.Output).ToList();
        var database = environment.Database is null
            ? null
            : new SharedDatabaseOutputs(shared.Output(DatabaseEndpointOutput), shared.Output(DatabaseResourceIdOutput), shared.Output(DatabaseInstanceIdOutput));
        var api = apiApps.Count == 0 ? null : new SharedApiOutputs(
            shared.Output(ClusterOutput),
            shared.Output(LoadBalancerArnOutput),
            shared.Output(LoadBalancerDnsOutput),
            shared.Output(LoadBalancerNameOutput),
            apiApps.ToDictionary(
                a => a.Id,
                a => new AppRouteOutputs(
                    shared.Output(RouteOutput(a, SecurityGroup)),
                    shared.Output(RouteOutput(a, Repository)),
                    shared.Output(RouteOutput(a, TargetGroupArn)),
                    shared.Output(RouteOutput(a, TargetGroupName))),
                StringComparer.Ordinal));
        return new SharedOutputs(subnets, shared.Output(LogsKeyOutput), database, api);
    }

    private static string SubnetOutput(int index) => $"PrivateSubnet{index + 1}Id";

    private static string RouteOutput(ResolvedApiApp app, string what) => EmitNames.Pascal(app.Id) + what;

    /// <summary>The DeletionProtection parameter when the shared stack has anything to protect (a protected database, a resilient load balancer).</summary>
    private static DeletionProtection? ProtectionOf(StackNode shared, ResolvedEnvironment environment, List<ResolvedApiApp> apiApps)
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
}
