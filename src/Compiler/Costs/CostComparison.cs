using Trilho.Compiler.Emit;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>
/// Prices the technical options for the sample's workload (every environment in every catalog region) from the same
/// catalog and assumptions as the estimate, at the baseline (<c>scale.min</c>). Each option prices only the part that
/// differs; docs/costs.md states what each includes.
/// </summary>
public sealed class CostComparison
{
    /// <summary>Average Lambda duration per request, in seconds, for the Lambda options.</summary>
    public const decimal LambdaSecondsPerRequest = 0.1m;

    /// <summary>Aurora I/O requests per api request.</summary>
    public const decimal AuroraIoPerApiRequest = 10m;

    /// <summary>Root volume of every EC2 instance, in GB.</summary>
    public const decimal Ec2RootVolumeGb = 8m;

    /// <summary>Interface endpoints a private-only VPC needs: ECR API, ECR Docker, CloudWatch Logs, Secrets Manager (S3 is a free gateway endpoint).</summary>
    public const int InterfaceEndpoints = 4;

    /// <summary>Smallest EKS node group kept for system pods (CoreDNS, load balancer controller).</summary>
    public const int EksMinimumNodes = 2;

    private CostComparison(string platform, IReadOnlyList<ComparisonScenario> scenarios, IReadOnlyList<ComparisonRow> rows)
    {
        Platform = platform;
        Scenarios = scenarios;
        Rows = rows;
    }

    /// <summary>Name of the compared platform.</summary>
    public string Platform { get; }

    /// <summary>Environment x region, ordered by environment then region.</summary>
    public IReadOnlyList<ComparisonScenario> Scenarios { get; }

    /// <summary>The options, by section; costs in the order of <see cref="Scenarios"/>.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>Compares the options for every environment of <paramref name="platform"/> in every catalog region.</summary>
    public static CostComparison Build(ResolvedPlatform platform, UsageSpec? usage = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var scenarios = platform.Environments
            .SelectMany(e => PriceCatalog.Regions.Select(r => e with { Region = r }))
            .Select(e => new ComparisonScenario($"{e.Name} {e.Region}", e, CostEstimator.Estimate(e, usage)))
            .ToList();

        var options = new List<(string Section, string Option, bool Chosen, Func<ResolvedEnvironment, UsageAssumptions, RegionalPrices, decimal?> Cost)>
        {
            ("Compute for the api apps", "ECS Fargate + internal ALB", true, (e, u, p) => Alb(u, p) + Sum(Apis(e), a => Fargate(a, a.Scale.Min, p))),
            ("Compute for the api apps", "EC2 Auto Scaling + ALB", false, (e, u, p) => Alb(u, p) + Sum(Apis(e), a => Ec2(InstanceFor(a.Memory), a.Scale.Min, p))),
            ("Compute for the api apps", "EKS (EC2 nodes) + ALB", false, (e, u, p) => p[PriceKeys.EksCluster] * UsageAssumptions.HoursPerMonth + Alb(u, p) + Sum(Apis(e), a => Ec2(InstanceFor(a.Memory), Math.Max(EksMinimumNodes, a.Scale.Min), p))),
            ("Compute for the api apps", "Lambda + API Gateway HTTP API", false, (e, u, p) => Sum(Apis(e), a => Lambda(a, u, p) + u.ApiRequests / Apis(e).Count / 1_000_000m * p[PriceKeys.HttpApiRequests])),
            ("Compute for the api apps", "Lambda behind the ALB", false, (e, u, p) => Alb(u, p) + Sum(Apis(e), a => Lambda(a, u, p))),
            ("Compute for the api apps", "Elastic Beanstalk (EC2 + its own ALB per app)", false, (e, u, p) => Sum(Apis(e), a => Alb(u, p) + Ec2(InstanceFor(a.Memory), a.Scale.Min, p))),
            ("Database", "RDS PostgreSQL single-AZ (chosen in economy)", false, (e, _, p) => Rds(e.Database, multiAz: false, p)),
            ("Database", "RDS PostgreSQL Multi-AZ (chosen in resilient)", false, (e, _, p) => Rds(e.Database, multiAz: true, p)),
            ("Database", "Aurora Serverless v2 (writer, + reader in resilient)", false, (e, u, p) => Aurora(e, u, p)),
            ("Database", "Self-managed PostgreSQL on EC2 (+ replica in resilient)", false, (e, _, p) => SelfManaged(e, p)),
            ("Frontend (origin side; CloudFront costs the same)", "S3 bucket + CloudFront", true, (e, u, p) => StaticOrigin(e, u, p)),
            ("Frontend (origin side; CloudFront costs the same)", "Container (nginx on Fargate) behind the ALB", false, (e, u, p) => StaticContainers(e, u, p)),
            ("Outbound network", "NAT gateway, one per NAT (chosen in resilient: one per zone)", false, (e, u, p) => e.Network.Nats * (p[PriceKeys.NatHour] + p[PriceKeys.PublicIpv4]) * UsageAssumptions.HoursPerMonth + u.NatGbPerMonth * p[PriceKeys.NatGb]),
            ("Outbound network", $"NAT instance, {NatInstances.InstanceType} per NAT (chosen in economy: one)", false, (e, _, p) => e.Network.Nats * ((p[PriceKeys.Ec2(NatInstances.InstanceType)] + p[PriceKeys.PublicIpv4]) * UsageAssumptions.HoursPerMonth + NatInstances.RootVolumeGb * p[PriceKeys.EbsGp3])),
            ("Outbound network", "VPC endpoints only (no internet egress)", false, (e, u, p) => InterfaceEndpoints * e.Network.AvailabilityZones * p[PriceKeys.EndpointHour] * UsageAssumptions.HoursPerMonth + u.NatGbPerMonth * p[PriceKeys.EndpointGb]),
            ("Outbound network", "Public subnets, a public IPv4 per task", false, (e, _, p) => Sum(Apis(e), a => a.Scale.Min * p[PriceKeys.PublicIpv4] * UsageAssumptions.HoursPerMonth)),
        };

        // The whole-environment rows come from the full estimate, so the comparison and cost-estimate.json agree.
        var rows = new List<ComparisonRow>
        {
            new("Whole environment", "Trilho's design at scale.min", true, scenarios.Select(s => s.Estimate.MonthlyTotal).ToList()),
            new("Whole environment", "Trilho's design at scale.max", false, scenarios.Select(s => s.Estimate.PeakMonthlyTotal).ToList()),
        };
        rows.AddRange(options.Select(o => new ComparisonRow(o.Section, o.Option, o.Chosen, scenarios.Select(s => Cost(o.Cost, s.Environment, usage)).ToList())));
        return new CostComparison(platform.Name, scenarios, rows);
    }

    private static decimal? Cost(Func<ResolvedEnvironment, UsageAssumptions, RegionalPrices, decimal?> cost, ResolvedEnvironment environment, UsageSpec? usage)
    {
        var value = cost(environment, UsageAssumptions.For(environment.Profile, usage), new RegionalPrices(environment.Region));
        return value is null ? null : Math.Round(value.Value, 2, MidpointRounding.AwayFromZero);
    }

    private static List<ResolvedApiApp> Apis(ResolvedEnvironment environment) => environment.Apps.OfType<ResolvedApiApp>().ToList();

    private static decimal? Sum<T>(IEnumerable<T> items, Func<T, decimal?> cost) =>
        items.Aggregate((decimal?)0m, (total, item) => total + cost(item));

    private static decimal? Alb(UsageAssumptions usage, RegionalPrices prices)
    {
        var lcu = Math.Max(usage.ApiRequests / (UsageAssumptions.HoursPerMonth * 3600m) / 25m, usage.ApiGb / UsageAssumptions.HoursPerMonth);
        return (prices[PriceKeys.AlbHour] + lcu * prices[PriceKeys.AlbLcu]) * UsageAssumptions.HoursPerMonth;
    }

    private static decimal? Fargate(ResolvedApiApp app, int tasks, RegionalPrices prices) =>
        tasks * (app.Cpu / 1024m * prices[PriceKeys.FargateVcpu] + app.Memory / 1024m * prices[PriceKeys.FargateMemory]) * UsageAssumptions.HoursPerMonth;

    // One burstable Graviton instance per task, sized so the task's memory fits beside the OS and agent.
    private static string InstanceFor(int memoryMiB) => memoryMiB switch
    {
        <= 512 => "t4g.micro",
        <= 1024 => "t4g.small",
        _ => "t4g.medium",
    };

    private static decimal? Ec2(string instanceType, int instances, RegionalPrices prices) =>
        instances * (prices[PriceKeys.Ec2(instanceType)] * UsageAssumptions.HoursPerMonth + Ec2RootVolumeGb * prices[PriceKeys.EbsGp3]);

    private static decimal? Lambda(ResolvedApiApp app, UsageAssumptions usage, RegionalPrices prices) =>
        usage.ApiRequests / 1_000_000m * prices[PriceKeys.LambdaRequests]
        + usage.ApiRequests * LambdaSecondsPerRequest * app.Memory / 1024m * prices[PriceKeys.LambdaGbSecond];

    private static decimal? Rds(ResolvedDatabase? database, bool multiAz, RegionalPrices prices) => database is null
        ? 0m
        : prices[PriceKeys.Rds(database.InstanceClass, multiAz)] * UsageAssumptions.HoursPerMonth + database.StorageGiB * prices[PriceKeys.RdsStorage(multiAz)];

    // Average capacity near the instance's memory (1 ACU is about 2 GiB); resilient adds a reader in a second zone.
    private static decimal? Aurora(ResolvedEnvironment environment, UsageAssumptions usage, RegionalPrices prices)
    {
        if (environment.Database is not { } database)
        {
            return 0m;
        }

        decimal? acu = database.Size switch
        {
            DatabaseSize.Micro => 0.5m,
            DatabaseSize.Small => 1m,
            DatabaseSize.Medium => 2m,
            _ => null,
        };
        var instances = database.MultiAz ? 2 : 1;
        return instances * acu * prices[PriceKeys.AuroraAcu] * UsageAssumptions.HoursPerMonth
            + database.StorageGiB * prices[PriceKeys.AuroraStorage]
            + usage.ApiRequests * AuroraIoPerApiRequest / 1_000_000m * prices[PriceKeys.AuroraIo];
    }

    private static decimal? SelfManaged(ResolvedEnvironment environment, RegionalPrices prices)
    {
        if (environment.Database is not { } database)
        {
            return 0m;
        }

        var instanceType = database.InstanceClass.StartsWith("db.t4g.", StringComparison.Ordinal) ? database.InstanceClass[3..] : null;
        if (instanceType is null)
        {
            return null;
        }

        var instances = database.MultiAz ? 2 : 1;

        // Each server keeps its data on gp3 and ships backups (one full copy) to S3.
        return Ec2(instanceType, instances, prices)
            + instances * database.StorageGiB * prices[PriceKeys.EbsGp3]
            + database.StorageGiB * prices[PriceKeys.S3Storage];
    }

    private static decimal? StaticOrigin(ResolvedEnvironment environment, UsageAssumptions usage, RegionalPrices prices)
    {
        var statics = environment.Apps.OfType<ResolvedStaticApp>().Count();
        var misses = usage.StaticRequests * (100 - UsageAssumptions.CacheHitPercent) / 100m;
        return statics == 0
            ? 0m
            : statics * (usage.StaticGbPerApp * RegionalPrices.Global(PriceKeys.S3Storage) + UsageAssumptions.StaticPutsThousands * RegionalPrices.Global(PriceKeys.S3Put))
              + misses / 1000m * RegionalPrices.Global(PriceKeys.S3Get);
    }

    // The smallest Fargate task (0.25 vCPU, 0.5 GB) per static app, as many as the profile's minimum, plus its image.
    private static decimal? StaticContainers(ResolvedEnvironment environment, UsageAssumptions usage, RegionalPrices prices)
    {
        var statics = environment.Apps.OfType<ResolvedStaticApp>().Count();
        var tasks = ProfileDefaults.For(environment.Profile).ScaleMin;
        var task = (0.25m * prices[PriceKeys.FargateVcpu] + 0.5m * prices[PriceKeys.FargateMemory]) * UsageAssumptions.HoursPerMonth;
        return statics * (tasks * task + usage.ImageGbPerApp * prices[PriceKeys.EcrStorage]);
    }
}
