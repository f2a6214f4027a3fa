namespace Trilho.Compiler.Costs;

/// <summary>
/// On-demand USD prices for the regions Trilho can estimate, one row per key and region, each with its source and date
/// (from the team's reference, docs/costs.md). Global services (CloudFront, WAF for CloudFront, Route 53) carry the same
/// figure in both regions; CloudFront rows are priced by the viewers' edge, assumed near the environment's region.
/// </summary>
public static class PriceCatalog
{
    /// <summary>Region whose prices apply to resources Trilho places in us-east-1 for every environment (WAF, static buckets).</summary>
    public const string GlobalRegion = Synthesis.Regions.Global;

    private const string Us = "us-east-1";
    private const string Sa = "sa-east-1";

    /// <summary>Every row, ordered by key then region.</summary>
    public static IReadOnlyList<PriceEntry> Entries { get; } = Build();

    /// <summary>The regions with prices, ordered.</summary>
    public static IReadOnlyList<string> Regions { get; } = [Us, Sa];

    /// <summary>True when the catalog has prices for <paramref name="region"/>.</summary>
    public static bool HasRegion(string region) => Regions.Contains(region, StringComparer.Ordinal);

    /// <summary>The row for <paramref name="key"/> in <paramref name="region"/>, or null when there is none.</summary>
    public static PriceEntry? Find(string key, string region) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal) && string.Equals(e.Region, region, StringComparison.Ordinal));

    private static List<PriceEntry> Build()
    {
        var rows = new List<PriceEntry>();
        void Add(string key, string service, string dimension, string unit, PriceSource us, PriceSource sa)
        {
            rows.Add(new PriceEntry(key, Us, service, dimension, unit, us.Price, us.Source, us.Date, us.Assumed));
            rows.Add(new PriceEntry(key, Sa, service, dimension, unit, sa.Price, sa.Source, sa.Date, sa.Assumed));
        }

        Add(PriceKeys.FargateVcpu, "Fargate x86", "vCPU", "vCPU-hour", PriceSource.Ic(0.04048m), PriceSource.Fg(0.0696m));
        Add(PriceKeys.FargateMemory, "Fargate x86", "memory", "GB-hour", PriceSource.Ic(0.004445m), PriceSource.Fg(0.0076m));
        // The reference has no t4g.nano: us-east-1 comes from the same karpenter file (a later generation of it),
        // sa-east-1 is half of t4g.micro there, as every t4g size is half the next in us-east-1 (0.0042/0.0084/0.0168).
        Add(PriceKeys.Ec2("t4g.nano"), "EC2", "t4g.nano", "hour", new PriceSource(0.0042m, "KP: karpenter-provider-aws zz_generated.pricing_aws.go, not in the reference", "2026-02-09"), new PriceSource(0.0067m, "assumed: half of t4g.micro (ES), not in the reference", PriceSource.AssumptionDate, Assumed: true));
        Add(PriceKeys.Ec2("t4g.micro"), "EC2", "t4g.micro", "hour", PriceSource.Kp(0.0084m), PriceSource.EsEc2(0.0134m));
        Add(PriceKeys.Ec2("t4g.small"), "EC2", "t4g.small", "hour", PriceSource.Kp(0.0168m), PriceSource.EsEc2(0.0268m));
        Add(PriceKeys.Ec2("t4g.medium"), "EC2", "t4g.medium", "hour", PriceSource.Kp(0.0336m), PriceSource.EsEc2(0.0536m));
        Add(PriceKeys.EbsGp3, "EBS", "gp3 volume", "GB-month", PriceSource.Unlisted(0.08m), PriceSource.Uplift(0.08m));
        Add(PriceKeys.AlbHour, "Application Load Balancer", "load balancer", "hour", PriceSource.Ic(0.0225m), PriceSource.Secondary(0.034m));
        Add(PriceKeys.AlbLcu, "Application Load Balancer", "LCU", "LCU-hour", PriceSource.Ic(0.008m), PriceSource.Secondary(0.011m));
        Add(PriceKeys.NatHour, "NAT Gateway", "gateway", "hour", PriceSource.Ic(0.045m), PriceSource.Secondary(0.093m));
        Add(PriceKeys.NatGb, "NAT Gateway", "data processed", "GB", PriceSource.Ic(0.045m), PriceSource.Secondary(0.093m));
        Add(PriceKeys.PublicIpv4, "VPC", "public IPv4 address", "hour", PriceSource.Ic(0.005m), new PriceSource(0.005m, "sa-east-1 bill lines (reference)", "undated"));
        Add(PriceKeys.EndpointHour, "VPC interface endpoint", "endpoint per AZ", "hour", PriceSource.Ic(0.01m), PriceSource.Uplift(0.01m));
        Add(PriceKeys.EndpointGb, "VPC interface endpoint", "data processed", "GB", PriceSource.Ic(0.01m), PriceSource.Uplift(0.01m));
        Add(PriceKeys.Rds("db.t4g.micro", multiAz: false), "RDS PostgreSQL", "db.t4g.micro single-AZ", "hour", PriceSource.EsRds(0.016m), PriceSource.EsRds(0.034m));
        Add(PriceKeys.Rds("db.t4g.micro", multiAz: true), "RDS PostgreSQL", "db.t4g.micro Multi-AZ", "hour", PriceSource.EsRds(0.032m), PriceSource.EsRds(0.069m));
        Add(PriceKeys.Rds("db.t4g.small", multiAz: false), "RDS PostgreSQL", "db.t4g.small single-AZ", "hour", PriceSource.EsRds(0.032m), PriceSource.EsRds(0.069m));
        Add(PriceKeys.Rds("db.t4g.small", multiAz: true), "RDS PostgreSQL", "db.t4g.small Multi-AZ", "hour", PriceSource.EsRds(0.065m), PriceSource.EsRds(0.137m));
        Add(PriceKeys.Rds("db.t4g.medium", multiAz: false), "RDS PostgreSQL", "db.t4g.medium single-AZ", "hour", PriceSource.EsRds(0.065m), PriceSource.EsRds(0.137m));
        Add(PriceKeys.Rds("db.t4g.medium", multiAz: true), "RDS PostgreSQL", "db.t4g.medium Multi-AZ", "hour", PriceSource.EsRds(0.129m), PriceSource.EsRds(0.275m));
        Add(PriceKeys.RdsStorage(multiAz: false), "RDS", "gp3 storage single-AZ", "GB-month", PriceSource.Ic(0.115m), PriceSource.Ic(0.219m));
        Add(PriceKeys.RdsStorage(multiAz: true), "RDS", "gp3 storage Multi-AZ", "GB-month", PriceSource.Ic(0.23m), PriceSource.Ic(0.438m));
        Add(PriceKeys.RdsBackup, "RDS", "backup beyond the free 100% of storage", "GB-month", PriceSource.Ic(0.095m), PriceSource.Uplift(0.095m));
        Add(PriceKeys.AuroraAcu, "Aurora Serverless v2 PostgreSQL", "capacity (standard)", "ACU-hour", PriceSource.Ic(0.12m), PriceSource.Uplift(0.12m));
        Add(PriceKeys.AuroraStorage, "Aurora standard", "storage", "GB-month", PriceSource.Ic(0.10m), PriceSource.Ic(0.19m) with { Source = "IC (Aurora MySQL case)", Assumed = true });
        Add(PriceKeys.AuroraIo, "Aurora standard", "I/O", "1M requests", PriceSource.Ic(0.20m), PriceSource.Ic(0.28m) with { Source = "IC (Aurora MySQL case)", Assumed = true });
        Add(PriceKeys.CloudFrontGb, "CloudFront", "data out, first 10 TB (US/Europe edge; South America edge)", "GB", PriceSource.Ic(0.085m), PriceSource.Ic(0.110m));
        Add(PriceKeys.CloudFrontHttps, "CloudFront", "HTTPS requests (US edge; South America edge)", "10k requests", PriceSource.Ic(0.0100m), PriceSource.Ic(0.022m));
        Add(PriceKeys.CloudFrontFunction, "CloudFront Functions", "invocations", "1M invocations", PriceSource.Unlisted(0.10m), PriceSource.Unlisted(0.10m));
        Add(PriceKeys.S3Storage, "S3 Standard", "storage, first 50 TB", "GB-month", PriceSource.Ic(0.023m), PriceSource.Ic(0.0405m));
        Add(PriceKeys.S3Put, "S3 Standard", "PUT, COPY, POST, LIST", "1k requests", PriceSource.Ic(0.005m), PriceSource.Ic(0.007m));
        Add(PriceKeys.S3Get, "S3 Standard", "GET", "1k requests", PriceSource.Ic(0.0004m), PriceSource.Uplift(0.0004m));
        Add(PriceKeys.Route53Zone, "Route 53", "hosted zone", "zone-month", PriceSource.Ic(0.50m), PriceSource.Ic(0.50m));
        Add(PriceKeys.Route53Queries, "Route 53", "standard queries", "1M queries", PriceSource.Ic(0.40m), PriceSource.Ic(0.40m));
        Add(PriceKeys.Route53HealthCheck, "Route 53", "health check, AWS endpoint", "check-month", PriceSource.Ic(0.50m), PriceSource.Ic(0.50m));
        Add(PriceKeys.Route53HealthCheckFeature, "Route 53", "health check optional feature (HTTPS), AWS endpoint", "feature-month", PriceSource.Ic(1.00m), PriceSource.Ic(1.00m));
        Add(PriceKeys.WafAcl, "WAF", "web ACL", "ACL-month", PriceSource.Ic(5.00m), PriceSource.SameAssumed(5.00m));
        Add(PriceKeys.WafRule, "WAF", "rule or rule group", "rule-month", PriceSource.Ic(1.00m), PriceSource.SameAssumed(1.00m));
        Add(PriceKeys.WafRequests, "WAF", "requests", "1M requests", PriceSource.Ic(0.60m), PriceSource.SameAssumed(0.60m));
        Add(PriceKeys.Dashboard, "CloudWatch", "dashboard", "dashboard-month", PriceSource.Db(3.00m), PriceSource.Db(3.00m));
        Add(PriceKeys.Alarm, "CloudWatch", "standard alarm", "alarm-month", PriceSource.Db(0.10m), PriceSource.Db(0.135m));
        Add(PriceKeys.CompositeAlarm, "CloudWatch", "composite alarm", "alarm-month", PriceSource.Db(0.50m), PriceSource.Db(0.675m));
        Add(PriceKeys.LogIngestion, "CloudWatch Logs", "ingestion", "GB", PriceSource.Db(0.50m), PriceSource.Db(0.90m));
        Add(PriceKeys.LogStorage, "CloudWatch Logs", "storage", "GB-month", PriceSource.Db(0.03m), PriceSource.Db(0.0408m));

        // Vended logs (CloudFront standard logging v2) to CloudWatch Logs, first 10 TB; the reference lists only
        // standard ingestion, so this is the list price of https://aws.amazon.com/cloudwatch/pricing/ ("Vended Logs").
        Add(PriceKeys.VendedLogIngestion, "CloudWatch Logs", "vended logs ingestion, first 10 TB", "GB", PriceSource.Unlisted(0.50m) with { Source = "assumed: aws.amazon.com/cloudwatch/pricing Vended Logs to CloudWatch Logs, not in the reference" }, PriceSource.Uplift(0.50m));
        Add(PriceKeys.CustomMetric, "CloudWatch", "custom metric, first 10k", "metric-month", PriceSource.Db(0.30m), PriceSource.Db(0.30m));
        Add(PriceKeys.Secret, "Secrets Manager", "secret", "secret-month", PriceSource.Ic(0.40m), PriceSource.SameAssumed(0.40m));
        Add(PriceKeys.SecretApi, "Secrets Manager", "API calls", "10k calls", PriceSource.Ic(0.05m), PriceSource.SameAssumed(0.05m));
        Add(PriceKeys.KmsKey, "KMS", "customer managed key (one key version)", "key-month", PriceSource.Ic(1.00m), PriceSource.SameAssumed(1.00m));
        Add(PriceKeys.EcrStorage, "ECR", "image storage", "GB-month", PriceSource.Ic(0.10m), PriceSource.Uplift(0.10m));
        Add(PriceKeys.EksCluster, "EKS", "cluster, standard support", "hour", PriceSource.Ic(0.10m), PriceSource.Ic(0.10m));
        Add(PriceKeys.LambdaGbSecond, "Lambda", "duration x86", "GB-second", PriceSource.Ic(0.0000166667m), PriceSource.Ic(0.0000166667m));
        Add(PriceKeys.LambdaRequests, "Lambda", "requests", "1M requests", PriceSource.Ic(0.20m), PriceSource.SameAssumed(0.20m));
        Add(PriceKeys.HttpApiRequests, "API Gateway HTTP API", "requests, first 300M", "1M requests", PriceSource.Ic(1.00m), PriceSource.Uplift(1.00m));

        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal).ToList();
    }
}
