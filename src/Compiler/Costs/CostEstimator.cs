using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>
/// Prices what Trilho deploys for one environment (docs/costs.md describes each line). Pure: the same environment and
/// usage always give the same estimate, and nothing here starts CDK or Node.js.
/// </summary>
public static class CostEstimator
{
    private const decimal Hours = UsageAssumptions.HoursPerMonth;

    /// <summary>
    /// Estimates <paramref name="environment"/> with the volumes of <paramref name="usage"/> (null: profile defaults).
    /// Monitoring is priced from <paramref name="monitoring"/>, counted in the emitted templates when the caller has
    /// them; null computes the same counts without synthesizing (<see cref="MonitoringInventory.Expected"/>). KMS keys
    /// likewise from <paramref name="keys"/>, or <see cref="KeyInventory.Expected"/> when null.
    /// No free tier comes off: CloudWatch's always-free allowance is shared by the whole consolidated billing family
    /// (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidated-billing.html), so it cannot be
    /// credited to one environment.
    /// </summary>
    public static CostEstimate Estimate(ResolvedEnvironment environment, UsageSpec? usage = null, MonitoringInventory? monitoring = null, KeyInventory? keys = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var assumptions = UsageAssumptions.For(environment.Profile, usage);
        var usageWarnings = UsageAssumptions.Validate(usage);
        if (!PriceCatalog.HasRegion(environment.Region))
        {
            var warning = DiagnosticCatalog.NoPricesForRegion.Create(null, environment.Region, environment.Name);
            return new CostEstimate(environment.Platform, environment.Name, environment.Region, Priced: false, [], assumptions.Describe(), [warning, .. usageWarnings]);
        }

        var lines = new LineBuilder(environment.Name, environment.Region);
        var apis = environment.Apps.OfType<ResolvedApiApp>().ToList();
        var statics = environment.Apps.OfType<ResolvedStaticApp>().ToList();

        AddNetwork(lines, environment.Network, assumptions);
        if (apis.Count > 0)
        {
            AddLoadBalancer(lines, assumptions);
        }

        foreach (var app in apis)
        {
            AddApiApp(lines, app, assumptions);
        }

        if (environment.Database is { } database)
        {
            AddDatabase(lines, database, assumptions);
        }

        AddEdge(lines, environment.Ingress, assumptions);
        foreach (var app in statics)
        {
            AddStaticApp(lines, app, statics.Count, assumptions);
        }

        AddDnsAndMonitoring(lines, environment, assumptions, monitoring ?? MonitoringInventory.Expected(environment));
        AddKeys(lines, keys ?? KeyInventory.Expected(environment));
        return new CostEstimate(environment.Platform, environment.Name, environment.Region, Priced: true, lines.Lines, assumptions.Describe(), [.. usageWarnings, .. lines.Diagnostics]);
    }

    private static void AddNetwork(LineBuilder lines, ResolvedNetwork network, UsageAssumptions usage)
    {
        if (network.Egress == Egress.NatInstance)
        {
            // An instance bills its hours, its root volume and its public address; forwarding costs nothing per GB.
            // Unlimited CPU credits (NatInstances.Provider): surplus credits bill only while the instance runs above its
            // baseline, which forwarding API calls and manifests does not; not estimated.
            lines.Add("Network", $"NAT instances ({network.Nats} x {NatInstances.InstanceType}, unlimited credits: surplus CPU above baseline billed extra, not estimated)", PriceKeys.Ec2(NatInstances.InstanceType), network.Nats * Hours);
            lines.Add("Network", $"NAT instance root volumes ({network.Nats} x {NatInstances.RootVolumeGb} GB gp3)", PriceKeys.EbsGp3, network.Nats * NatInstances.RootVolumeGb);
            lines.Add("Network", $"Public IPv4 addresses of the NAT instances ({network.Nats})", PriceKeys.PublicIpv4, network.Nats * Hours);
            return;
        }

        lines.Add("Network", $"NAT gateways ({network.Nats})", PriceKeys.NatHour, network.Nats * Hours);
        lines.Add("Network", "NAT data processed", PriceKeys.NatGb, usage.NatGbPerMonth);
        lines.Add("Network", $"Public IPv4 addresses of the NAT gateways ({network.Nats})", PriceKeys.PublicIpv4, network.Nats * Hours);
    }

    private static void AddLoadBalancer(LineBuilder lines, UsageAssumptions usage)
    {
        // An LCU is the larger of 25 new connections a second and 1 GB an hour; counting every request as a new
        // connection overstates it, since CloudFront reuses connections to its VPC origin.
        var connectionLcu = usage.ApiRequests / (Hours * 3600m) / 25m;
        var bytesLcu = usage.ApiGb / Hours;
        lines.Add("Load balancer", "Internal ALB", PriceKeys.AlbHour, Hours);
        lines.Add("Load balancer", "ALB capacity units", PriceKeys.AlbLcu, Math.Max(connectionLcu, bytesLcu) * Hours);
    }

    private static void AddApiApp(LineBuilder lines, ResolvedApiApp app, UsageAssumptions usage)
    {
        var vcpuHours = app.Cpu / 1024m * Hours;
        var gbHours = app.Memory / 1024m * Hours;
        lines.Add("Compute", $"{app.Id}: Fargate vCPU ({app.Scale.Min}..{app.Scale.Max} tasks x {app.Cpu} units)", PriceKeys.FargateVcpu, app.Scale.Min * vcpuHours, app.Scale.Max * vcpuHours);
        lines.Add("Compute", $"{app.Id}: Fargate memory ({app.Scale.Min}..{app.Scale.Max} tasks x {app.Memory} MiB)", PriceKeys.FargateMemory, app.Scale.Min * gbHours, app.Scale.Max * gbHours);
        lines.Add("Compute", $"{app.Id}: ECR image storage", PriceKeys.EcrStorage, usage.ImageGbPerApp);
    }

    private static void AddDatabase(LineBuilder lines, ResolvedDatabase database, UsageAssumptions usage)
    {
        var deployment = database.MultiAz ? "Multi-AZ" : "single-AZ";
        lines.Add("Database", $"RDS PostgreSQL {database.InstanceClass} {deployment}", PriceKeys.Rds(database.InstanceClass, database.MultiAz), Hours);
        lines.Add("Database", $"gp3 storage {deployment}", PriceKeys.RdsStorage(database.MultiAz), database.StorageGiB);

        // Backups up to 100% of storage are free; the first snapshot fills that, each retained day adds its changes.
        var extraBackupGb = database.StorageGiB * usage.DatabaseChangePercentPerDay / 100m * database.BackupRetentionDays;
        lines.Add("Database", $"Backups beyond the free allowance ({database.BackupRetentionDays} days kept)", PriceKeys.RdsBackup, extraBackupGb);
        lines.Add("Database", "Master password secret", PriceKeys.Secret, 1m);
        lines.Add("Database", "Secret API calls", PriceKeys.SecretApi, UsageAssumptions.SecretApiCallsTenThousands);
    }

    private static void AddEdge(LineBuilder lines, ResolvedIngress ingress, UsageAssumptions usage)
    {
        // CloudFront bills by the edge that serves the viewer; viewers are assumed near the environment's region.
        lines.Add("Edge", "CloudFront data out", PriceKeys.CloudFrontGb, usage.GbOutPerMonth);
        lines.Add("Edge", "CloudFront HTTPS requests", PriceKeys.CloudFrontHttps, usage.RequestsPerMonth / 10_000m);
        lines.Add("Edge", "CloudFront Function invocations", PriceKeys.CloudFrontFunction, usage.RequestsPerMonth / 1_000_000m, global: true);
        if (ingress.Firewall)
        {
            lines.Add("Edge", "WAF web ACL", PriceKeys.WafAcl, 1m, global: true);
            lines.Add("Edge", $"WAF rules ({UsageAssumptions.WafRules})", PriceKeys.WafRule, UsageAssumptions.WafRules, global: true);
            lines.Add("Edge", "WAF requests", PriceKeys.WafRequests, usage.RequestsPerMonth / 1_000_000m, global: true);
        }
    }

    private static void AddStaticApp(LineBuilder lines, ResolvedStaticApp app, int staticApps, UsageAssumptions usage)
    {
        var misses = usage.StaticRequests / staticApps * (100 - UsageAssumptions.CacheHitPercent) / 100m;
        lines.Add("Static apps", $"{app.Id}: S3 storage", PriceKeys.S3Storage, usage.StaticGbPerApp, global: true);
        lines.Add("Static apps", $"{app.Id}: S3 GET (cache misses)", PriceKeys.S3Get, misses / 1000m, global: true);
        lines.Add("Static apps", $"{app.Id}: S3 PUT (deploys)", PriceKeys.S3Put, UsageAssumptions.StaticPutsThousands, global: true);
    }

    private static void AddDnsAndMonitoring(LineBuilder lines, ResolvedEnvironment environment, UsageAssumptions usage, MonitoringInventory monitoring)
    {
        lines.Add("DNS", "Private hosted zone", PriceKeys.Route53Zone, 1m);
        lines.Add("DNS", "Private zone queries", PriceKeys.Route53Queries, UsageAssumptions.PrivateZoneQueriesMillions);
        lines.Add("DNS", $"Health checks ({monitoring.HealthChecks})", PriceKeys.Route53HealthCheck, monitoring.HealthChecks);
        lines.Add("DNS", "Health check HTTPS feature", PriceKeys.Route53HealthCheckFeature, monitoring.HealthChecks);

        // CloudWatch bills an alarm on metric math per metric it reads.
        lines.Add("Monitoring", $"Alarms ({monitoring.Alarms}, reading {monitoring.AlarmMetrics} metrics)", PriceKeys.Alarm, monitoring.AlarmMetrics);
        if (monitoring.ScalingAlarms > 0)
        {
            // Application Auto Scaling creates these in the account; they bill like any standard alarm on one metric.
            lines.Add("Monitoring", $"Target tracking alarms ({monitoring.ScalingAlarms}, created by Application Auto Scaling)", PriceKeys.Alarm, monitoring.ScalingAlarms);
        }

        lines.Add("Monitoring", $"Composite alarms ({monitoring.CompositeAlarms})", PriceKeys.CompositeAlarm, monitoring.CompositeAlarms);
        lines.Add("Monitoring", $"Dashboards ({monitoring.Dashboards})", PriceKeys.Dashboard, monitoring.Dashboards);

        if (monitoring.MetricFilters > 0)
        {
            // Each metric filter publishes one custom metric in us-east-1 (ADR 0011).
            lines.Add("Monitoring", $"Custom metrics from log metric filters ({monitoring.MetricFilters})", PriceKeys.CustomMetric, monitoring.MetricFilters, global: true);
        }

        // Logs kept N days hold, on average over a month, N/30 of a month's ingestion.
        lines.Add("Logs", "Log ingestion (apps, flow logs)", PriceKeys.LogIngestion, usage.LogGbPerMonth);
        lines.Add("Logs", $"Log storage ({environment.LogRetentionDays} days kept)", PriceKeys.LogStorage, usage.LogGbPerMonth * environment.LogRetentionDays / 30m);
        if (monitoring.LogDeliveries > 0)
        {
            // One access log record per request at the distribution, delivered to us-east-1 as vended logs.
            var edgeGb = usage.RequestsPerMonth * (decimal)UsageAssumptions.EdgeLogBytesPerRequest / 1_000_000_000m * monitoring.LogDeliveries;
            lines.Add("Logs", "Edge access log ingestion (CloudFront, vended logs)", PriceKeys.VendedLogIngestion, edgeGb, global: true);
            lines.Add("Logs", $"Edge access log storage ({environment.LogRetentionDays} days kept)", PriceKeys.LogStorage, edgeGb * environment.LogRetentionDays / 30m, global: true);
        }
    }

    private static void AddKeys(LineBuilder lines, KeyInventory keys)
    {
        if (keys.Keys == 0)
        {
            return;
        }

        // Year 1: one key version per key. Each yearly rotation adds a version billed like a key, up to two
        // (https://aws.amazon.com/kms/pricing/); the estimate is of a month, so that growth is named, not priced.
        // Requests (USD 0.03 per 10k) depend on how often CloudWatch Logs, SNS and RDS ask for data keys, which no
        // usage assumption sizes: not counted (docs/costs.md, "Limits").
        var rotation = keys.RotatedKeys == 0 ? string.Empty
            : keys.RotatedKeys == keys.Keys ? "; yearly rotation adds 1 key-month per key in year 2 and 2 from year 3, not included"
            : $"; yearly rotation of {keys.RotatedKeys} adds 1 key-month per key in year 2 and 2 from year 3, not included";
        lines.Add("Encryption", $"KMS customer managed keys ({keys.Keys}{rotation})", PriceKeys.KmsKey, keys.Keys);
    }
}
