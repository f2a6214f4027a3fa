using Amazon.CDK.AWS.EC2;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>
/// Every security group and rule of the environment in one place, so who-can-reach-what reads from one template:
/// CloudFront (origin-facing prefix list) to the load balancer on 80, the load balancer to each api app on its port,
/// the apps in <c>database.access</c> to the database on 5432. No group allows all outbound traffic.
/// </summary>
public sealed class Firewall : Construct
{
    /// <summary>The port the internal load balancer listens on for CloudFront.</summary>
    public const int LoadBalancerPort = 80;

    /// <summary>The PostgreSQL port.</summary>
    public const int DatabasePort = 5432;

    private readonly Dictionary<string, SecurityGroup> apps = new(StringComparer.Ordinal);

    /// <summary>Creates the groups for <paramref name="environment"/>; <paramref name="cloudFrontPrefixListId"/> is the origin-facing prefix list of the region.</summary>
    public Firewall(Construct scope, string id, IVpc vpc, ResolvedEnvironment environment, string cloudFrontPrefixListId)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var apiApps = environment.Apps.OfType<ResolvedApiApp>().ToList();
        if (apiApps.Count > 0)
        {
            LoadBalancer = Group(vpc, "LoadBalancer", "Internal load balancer: HTTP from CloudFront VPC origins only");
            LoadBalancer.AddIngressRule(Peer.PrefixList(cloudFrontPrefixListId), Port.Tcp(LoadBalancerPort), "CloudFront origin-facing servers");
        }

        if (environment.Database is not null)
        {
            Database = Group(vpc, "Database", "Database: PostgreSQL from the apps in database.access only");
            if (environment.Database.Access.Count > 0 && apiApps.Count > 0)
            {
                // The one-off task that creates each app's database role (DatabaseRoles): image pull over HTTPS, then PostgreSQL.
                DatabaseRoles = Group(vpc, "DatabaseRoles", "Database role setup task: PostgreSQL to the database, HTTPS for its image and logs");
                DatabaseRoles.AddEgressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS to the image registry and AWS APIs");
                DatabaseRoles.Connections.AllowTo(Database, Port.Tcp(DatabasePort), "Role setup to the database");
            }
        }

        foreach (var app in apiApps)
        {
            var group = Group(vpc, EmitNames.Pascal(app.Id), $"App {app.Id}: its port from the load balancer only");
            LoadBalancer!.Connections.AllowTo(group, Port.Tcp(app.Port), $"Load balancer to {app.Id}");

            // Image pulls, logs, secrets and the app's own HTTPS calls leave through the NAT (gateway or instance).
            group.AddEgressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS to AWS APIs and the internet");
            if (app.DatabaseAccess && Database is not null)
            {
                group.Connections.AllowTo(Database, Port.Tcp(DatabasePort), $"{app.Id} to the database");
            }

            apps[app.Id] = group;
        }

        if (LoadBalancer is not null)
        {
            // Its only egress rules are separate resources (to app groups), and CDK then drops its "no traffic" inline
            // rule; a group without inline egress keeps EC2's allow-all default. Pin the placeholder back.
            var cfn = (CfnSecurityGroup)LoadBalancer.Node.DefaultChild!;
            cfn.AddPropertyOverride("SecurityGroupEgress", new[]
            {
                new Dictionary<string, object>
                {
                    ["CidrIp"] = "255.255.255.255/32",
                    ["Description"] = "Disallow all traffic",
                    ["IpProtocol"] = "icmp",
                    ["FromPort"] = 252,
                    ["ToPort"] = 86,
                },
            });
        }
    }

    /// <summary>Group of the load balancer, or null without api apps.</summary>
    public SecurityGroup? LoadBalancer { get; }

    /// <summary>Group of the database, or null without a database.</summary>
    public SecurityGroup? Database { get; }

    /// <summary>Group of the database role setup task, or null without a database that apps use.</summary>
    public SecurityGroup? DatabaseRoles { get; }

    /// <summary>Group of an api app's tasks.</summary>
    public SecurityGroup App(string appId) => apps[appId];

    private SecurityGroup Group(IVpc vpc, string id, string description) => new(this, id, new SecurityGroupProps
    {
        Vpc = vpc,
        Description = description,
        AllowAllOutbound = false,
    });
}
