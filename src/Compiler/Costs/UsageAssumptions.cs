using System.Globalization;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Costs;

/// <summary>
/// The volumes an estimate assumes for one environment: the <c>usage</c> section of platform.yaml where set, else the
/// defaults of the environment's profile. Fixed rules (cache hit ratio, alarm counts) are constants here so the
/// estimate and docs/costs.md state the same numbers.
/// </summary>
public sealed record UsageAssumptions(
    long RequestsPerMonth,
    int ApiRequestsPercent,
    decimal GbOutPerMonth,
    decimal LogGbPerMonth,
    decimal NatGbPerMonth,
    decimal StaticGbPerApp,
    decimal ImageGbPerApp,
    decimal DatabaseChangePercentPerDay)
{
    /// <summary>Hours in a billing month, as AWS's calculator uses.</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>Percent of static requests CloudFront serves from its cache; the rest reach S3.</summary>
    public const int CacheHitPercent = 90;

    /// <summary>WAF rules: four AWS managed rule groups and one per-IP rate rule.</summary>
    public const int WafRules = 5;

    /// <summary>Queries a month the apps send to the private hosted zone (the database name), in millions.</summary>
    public const decimal PrivateZoneQueriesMillions = 1m;

    /// <summary>Secrets Manager API calls a month, in tens of thousands (tasks read the secret at start).</summary>
    public const decimal SecretApiCallsTenThousands = 1m;

    /// <summary>S3 PUT requests a month per static app (deploys), in thousands.</summary>
    public const decimal StaticPutsThousands = 1m;

    /// <summary>Bytes of one edge access log record as delivered (JSON, the fields of <c>StaticPathMetrics.RecordFields</c>).</summary>
    public const int EdgeLogBytesPerRequest = 400;

    /// <summary>The assumptions of an environment with <paramref name="profile"/>, with <paramref name="usage"/>'s valid values where set.</summary>
    public static UsageAssumptions For(Profile profile, UsageSpec? usage)
    {
        var resilient = profile == Profile.Resilient;
        return new UsageAssumptions(
            RequestsPerMonth: (long)Pick(usage?.RequestsPerMonth, resilient ? 5_000_000 : 1_000_000),
            ApiRequestsPercent: (int)Pick(usage?.ApiRequestsPercent, 50, max: 100),
            GbOutPerMonth: Pick(usage?.GbOutPerMonth, resilient ? 50m : 10m),
            LogGbPerMonth: Pick(usage?.LogGbPerMonth, resilient ? 5m : 1m),
            NatGbPerMonth: Pick(usage?.NatGbPerMonth, resilient ? 20m : 5m),
            StaticGbPerApp: Pick(usage?.StaticGbPerApp, 1m),
            ImageGbPerApp: Pick(usage?.ImageGbPerApp, 2m),
            DatabaseChangePercentPerDay: Pick(usage?.DatabaseChangePercentPerDay, 2m, max: 100));
    }

    /// <summary>A TRL5003 warning for each value of <paramref name="usage"/> out of range, which <see cref="For"/> replaces by its default.</summary>
    public static IReadOnlyList<Diagnostic> Validate(UsageSpec? usage)
    {
        var diagnostics = new List<Diagnostic>();
        void Check(string name, double? value, double max = double.MaxValue)
        {
            if (value is { } v && !IsValid(v, max))
            {
                diagnostics.Add(DiagnosticCatalog.UsageOutOfRange.Create(null, name, v.ToString(CultureInfo.InvariantCulture), max == double.MaxValue ? "0 or more" : $"0 to {max.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        Check("requestsPerMonth", usage?.RequestsPerMonth);
        Check("apiRequestsPercent", usage?.ApiRequestsPercent, 100);
        Check("gbOutPerMonth", usage?.GbOutPerMonth);
        Check("logGbPerMonth", usage?.LogGbPerMonth);
        Check("natGbPerMonth", usage?.NatGbPerMonth);
        Check("staticGbPerApp", usage?.StaticGbPerApp);
        Check("imageGbPerApp", usage?.ImageGbPerApp);
        Check("databaseChangePercentPerDay", usage?.DatabaseChangePercentPerDay, 100);
        return diagnostics;
    }

    /// <summary>Requests a month that reach api apps through the load balancer.</summary>
    public decimal ApiRequests => RequestsPerMonth * (decimal)ApiRequestsPercent / 100m;

    /// <summary>Requests a month for static files.</summary>
    public decimal StaticRequests => RequestsPerMonth - ApiRequests;

    /// <summary>GB a month the api apps send through the load balancer.</summary>
    public decimal ApiGb => GbOutPerMonth * ApiRequestsPercent / 100m;

    /// <summary>Every assumption, named as in the <c>usage</c> section where platform.yaml can override it.</summary>
    public IReadOnlyList<CostAssumption> Describe() =>
    [
        new("hoursPerMonth", Format(HoursPerMonth), "hours billed per month"),
        new("requestsPerMonth", Format(RequestsPerMonth), "HTTP requests a month at CloudFront, all apps (usage.requestsPerMonth)"),
        new("apiRequestsPercent", Format(ApiRequestsPercent), "percent of requests and GB that reach api apps through the load balancer (usage.apiRequestsPercent)"),
        new("gbOutPerMonth", Format(GbOutPerMonth), "GB a month CloudFront sends to viewers, priced at the edge near the environment's region (usage.gbOutPerMonth)"),
        new("logGbPerMonth", Format(LogGbPerMonth), "GB a month of app and flow logs ingested (usage.logGbPerMonth)"),
        new("natGbPerMonth", Format(NatGbPerMonth), "GB a month processed by NAT gateways; NAT instances charge nothing per GB (usage.natGbPerMonth)"),
        new("staticGbPerApp", Format(StaticGbPerApp), "GB stored per static app bucket (usage.staticGbPerApp)"),
        new("imageGbPerApp", Format(ImageGbPerApp), "GB of images per api app repository (usage.imageGbPerApp)"),
        new("databaseChangePercentPerDay", Format(DatabaseChangePercentPerDay), "percent of database storage changed a day, sizing incremental backups beyond the free 100% of storage (usage.databaseChangePercentPerDay)"),
        new("cacheHitPercent", Format(CacheHitPercent), "percent of static requests CloudFront answers from cache"),
        new("edgeLogBytesPerRequest", Format(EdgeLogBytesPerRequest), "bytes of one CloudFront access log record (JSON) delivered to CloudWatch Logs, one per request"),
        new("monitoring", "from the templates", "alarms (billed per metric they read), composite alarms, dashboards, health checks, log deliveries and metric filters as the emitted templates hold them, plus the two alarms Application Auto Scaling creates per target-tracking policy"),
        new("peak", "scale.max", "peak = every api app at scale.max all month; volumes unchanged"),
        new("freeTier", "none", "no free tier: CloudWatch's always-free 3 dashboards and 10 alarm metrics belong to the whole billing family (an AWS Organization bills as one account) and other workloads may use them; no credits; no taxes"),
    ];

    private static bool IsValid(double value, double max) => double.IsFinite(value) && value >= 0 && value <= max && value < 1e15;

    private static decimal Pick(double? value, decimal fallback, double max = double.MaxValue) =>
        value is { } v && IsValid(v, max) ? (decimal)v : fallback;

    private static string Format(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
