using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Tests.Costs;

/// <summary>Small hand-built environments whose costs can be computed by hand, and paths into the repository.</summary>
internal static class CostTestData
{
    public static ResolvedApiApp Api(int cpu = 1024, int memory = 2048, int min = 1, int max = 2) => new(
        Id: "api",
        Team: "core",
        Path: "/api",
        Slo: new ResolvedSlo(99.5, 1000),
        Port: 8080,
        HealthCheck: "/api/health",
        Cpu: cpu,
        Memory: memory,
        Scale: new ResolvedScale(min, max, 60, 500),
        Env: [],
        Secrets: [],
        DatabaseAccess: false);

    public static ResolvedDatabase Database(string instanceClass = "db.t4g.micro", int storageGiB = 20, bool multiAz = false, int backupDays = 1) => new(
        Engine: DatabaseEngine.Postgres,
        Version: "16",
        Hostname: "db",
        Size: DatabaseSize.Micro,
        InstanceClass: instanceClass,
        StorageGiB: storageGiB,
        MultiAz: multiAz,
        DeletionProtection: false,
        BackupRetentionDays: backupDays,
        DatabaseName: "app",
        Access: ["api"]);

    /// <summary>One api app, one NAT gateway, no firewall, no teams, no database, no static app.</summary>
    public static ResolvedEnvironment Environment(string region = "us-east-1", ResolvedApiApp? api = null, ResolvedDatabase? database = null) => new(
        Platform: "tiny",
        Name: "dev",
        Account: "111111111111",
        Region: region,
        Profile: Profile.Economy,
        Locale: Locale.En,
        Domain: null,
        Ingress: new ResolvedIngress(null, null, null, Firewall: false),
        Network: new ResolvedNetwork("10.0.0.0/16", 2, 1, 7, Egress.NatGateway),
        Teams: [],
        Apps: [api ?? Api()],
        Database: database,
        LogRetentionDays: 7,
        TeamDashboards: true);

    /// <summary>Volumes chosen so most volume lines are zero and the rest are easy to compute.</summary>
    public static UsageSpec SimpleUsage { get; } = new()
    {
        RequestsPerMonth = 1_000_000,
        ApiRequestsPercent = 100,
        GbOutPerMonth = 0,
        LogGbPerMonth = 0,
        NatGbPerMonth = 0,
        StaticGbPerApp = 0,
        ImageGbPerApp = 0,
        DatabaseChangePercentPerDay = 2,
    };

    public static string RepositoryRoot => Trilho.Testing.RepositoryRoot.Path;

    public static string SamplePath => Path.Combine(RepositoryRoot, "samples", "desafio-aws", "platform.yaml");
}
