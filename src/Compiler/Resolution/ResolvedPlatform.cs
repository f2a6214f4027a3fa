using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>A valid platform with every default applied, one entry per environment, ready for the emitters.</summary>
/// <param name="Name">The platform name.</param>
/// <param name="Environments">One entry per environment, ordered by environment id.</param>
/// <param name="Delivery">The <c>delivery</c> section (adds a delivery stack per environment), or null.</param>
/// <param name="Usage">The <c>usage</c> section the cost estimate assumes (it changes no resource), or null for the profile defaults.</param>
/// <param name="Sources">Where each app's code is (the same in every environment), by app id; null when not resolved from a file.</param>
public sealed record ResolvedPlatform(string Name, IReadOnlyList<ResolvedEnvironment> Environments, DeliverySpec? Delivery = null, UsageSpec? Usage = null, IReadOnlyDictionary<string, ResolvedSource>? Sources = null);

/// <summary>Everything one environment deploys, with profile defaults and overrides applied. Collections are ordered by id so output is deterministic.</summary>
public sealed record ResolvedEnvironment(
    string Platform,
    string Name,
    string Account,
    string Region,
    Profile Profile,
    Locale Locale,
    string? Domain,
    ResolvedIngress Ingress,
    ResolvedNetwork Network,
    IReadOnlyList<ResolvedTeam> Teams,
    IReadOnlyList<ResolvedApp> Apps,
    ResolvedDatabase? Database,
    int LogRetentionDays,
    bool TeamDashboards)
{
    /// <summary>
    /// Name of the private hosted zone: <c>internal.&lt;domain&gt;</c>, or <c>platform.internal</c> without a domain.
    /// Never the domain itself: a private zone answers for every name under it inside the VPC, and would hide the
    /// public ones (docs/decisions/0004-database.md).
    /// </summary>
    public string PrivateZoneName => Domain is null ? $"{Platform}.internal" : $"{PrivateSubdomain}.{Domain}";

    /// <summary>The label under the domain reserved for private names; no public name may use it.</summary>
    public const string PrivateSubdomain = "internal";

    /// <summary>Resources (<c>stack/LogicalId</c>) the next deploy may replace or delete; written into the deploy plan for <c>trilho diff</c>.</summary>
    public IReadOnlyList<string> AcknowledgedReplacements { get; init; } = [];

    /// <summary>Where each value was set (top-level, this environment's override, or default), so a diagnostic about it points at its line.</summary>
    public Origins Origins { get; init; } = Origins.None;

    /// <summary>Prefix of every stack name, e.g. <c>desafio-dev</c>.</summary>
    public string StackPrefix => $"{Platform}-{Name}";
}

/// <summary>A team with its contacts.</summary>
public sealed record ResolvedTeam(string Id, string Name, string Email, string? Phone, bool WatchesAll);

/// <summary>The public entry point.</summary>
/// <param name="Host">Name under the domain, or null without a domain.</param>
/// <param name="HostedZoneId">Public hosted zone of the domain, or null without a domain.</param>
/// <param name="CertificateArn">A certificate to use instead of creating one, or null.</param>
/// <param name="Firewall">Whether the WAF web ACL is attached.</param>
public sealed record ResolvedIngress(string? Host, string? HostedZoneId, string? CertificateArn, bool Firewall);

/// <summary>The network: how many zones, and how the private subnets reach the internet.</summary>
/// <param name="Cidr">The VPC's IPv4 range.</param>
/// <param name="AvailabilityZones">Zones the subnets span.</param>
/// <param name="Nats">NAT gateways or NAT instances (per <paramref name="Egress"/>), each in its own zone; private subnets of other zones route through the first.</param>
/// <param name="FlowLogRetentionDays">Days the flow logs are kept.</param>
/// <param name="Egress">What does the NAT: a managed gateway or an EC2 instance.</param>
public sealed record ResolvedNetwork(string Cidr, int AvailabilityZones, int Nats, int FlowLogRetentionDays, Egress Egress);

/// <summary>An app, common part.</summary>
public abstract record ResolvedApp(string Id, string Team, string Path, ResolvedSlo Slo);

/// <summary>A container app on ECS Fargate behind the load balancer.</summary>
public sealed record ResolvedApiApp(
    string Id,
    string Team,
    string Path,
    ResolvedSlo Slo,
    int Port,
    string HealthCheck,
    int Cpu,
    int Memory,
    ResolvedScale Scale,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<KeyValuePair<string, string>> Secrets,
    bool DatabaseAccess) : ResolvedApp(Id, Team, Path, Slo);

/// <summary>Static files in S3 behind CloudFront.</summary>
public sealed record ResolvedStaticApp(string Id, string Team, string Path, ResolvedSlo Slo)
    : ResolvedApp(Id, Team, Path, Slo)
{
    /// <summary>Extension-less paths serve index.html (true) or 404.html with 404 (false).</summary>
    public bool Spa { get; init; }

    /// <summary>The Content-Security-Policy header of the app's responses.</summary>
    public string ContentSecurityPolicy { get; init; } = Defaults.ContentSecurityPolicy;
}

/// <summary>Autoscaling bounds and targets.</summary>
public sealed record ResolvedScale(int Min, int Max, int CpuPercent, int RequestsPerTask);

/// <summary>Availability in percent and, for api apps, p95 latency in milliseconds.</summary>
public sealed record ResolvedSlo(double Availability, int? LatencyP95Ms);

/// <summary>The managed database.</summary>
public sealed record ResolvedDatabase(
    DatabaseEngine Engine,
    string Version,
    string Hostname,
    DatabaseSize Size,
    string InstanceClass,
    int StorageGiB,
    bool MultiAz,
    bool DeletionProtection,
    int BackupRetentionDays,
    string DatabaseName,
    IReadOnlyList<string> Access);
