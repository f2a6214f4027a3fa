using Amazon.CDK;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>
/// Synthesizes the sample environments once per test run (jsii starts Node.js: about 5 s for the first App, then
/// about half a second each) and shares the templates with every test.
/// </summary>
public sealed class SynthesisFixture : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("trilho-monitoring-tests-").FullName;
    private int count;

    public SynthesisFixture()
    {
        var desafio = File.ReadAllText(SamplePath("desafio-aws"));
        DesafioDev = Synthesize(Environment(desafio, "dev"));
        DesafioProd = Synthesize(Environment(desafio, "prod"));
        // dev is economy: the team dashboards only with the environment's override (the first "profile: economy" is dev's).
        var withTeamDashboards = desafio.Replace("    profile: economy\n", "    profile: economy\n    monitoring: { teamDashboards: true }\n", StringComparison.Ordinal);
        Assert.NotEqual(desafio, withTeamDashboards);
        DesafioDevTeamDashboards = Synthesize(Environment(withTeamDashboards, "dev"));
        DesafioDevEnglish = Synthesize(Environment(withTeamDashboards.Replace("locale: pt-BR", "locale: en", StringComparison.Ordinal), "dev"));
        Minimal = Synthesize(Environment(File.ReadAllText(SamplePath("minimal")), "dev"));
        StaticOnly = Synthesize(Environment(File.ReadAllText(Trilho.Testing.RepositoryRoot.Combine("tests", "Compiler.Emit.Tests", "Golden", "Cases", "static-only-certificate", "platform.yaml")), "prod"));
    }

    /// <summary>The brief's sample, dev, pt-BR: api + static app, database, watchers, a domain.</summary>
    public Synthesis DesafioDev { get; }

    /// <summary>The brief's sample, prod, pt-BR.</summary>
    public Synthesis DesafioProd { get; }

    /// <summary>The brief's sample, dev, pt-BR, with <c>environments.dev.monitoring.teamDashboards: true</c>.</summary>
    public Synthesis DesafioDevTeamDashboards { get; }

    /// <summary>The brief's sample, dev, with <c>locale: en</c> and the team dashboards on (to compare them with <see cref="DesafioDevTeamDashboards"/>).</summary>
    public Synthesis DesafioDevEnglish { get; }

    /// <summary>One api app, no domain, no database, no watchers, en (the default).</summary>
    public Synthesis Minimal { get; }

    /// <summary>One static app alone behind its distribution (the golden case static-only-certificate), prod.</summary>
    public Synthesis StaticOnly { get; }

    public IEnumerable<Synthesis> All => [DesafioDev, DesafioProd, DesafioDevTeamDashboards, DesafioDevEnglish, Minimal, StaticOnly];

    /// <summary>Resolves environment <paramref name="name"/> of a platform.yaml text.</summary>
    public static ResolvedEnvironment Environment(string yaml, string name)
    {
        var result = FrontEnd.Analyze("platform.yaml", yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Platform!.Environments.Single(e => e.Name == name);
    }

    public static string SamplePath(string sample) => Trilho.Testing.RepositoryRoot.Combine("samples", sample, "platform.yaml");

    /// <summary>Adds the monitoring stacks of <paramref name="environment"/> to a new App and synthesizes it.</summary>
    public Synthesis Synthesize(ResolvedEnvironment environment, Action<App>? more = null)
    {
        var outDir = Path.Combine(root, $"app{Interlocked.Increment(ref count)}");
        var app = new App(new AppProps { Outdir = outDir });
        var graph = new StackGraph(app, environment);
        var stacks = MonitoringEmitter.Add(graph, environment, ProducerInputs(graph, environment));
        more?.Invoke(app);
        app.Synth();
        return new Synthesis(environment, stacks, outDir);
    }

    /// <summary>
    /// The monitoring stacks' inputs, exported by one stand-in stack: these tests read the monitoring templates alone;
    /// the compiler's tests wire the real stacks.
    /// </summary>
    private static MonitoringInputs ProducerInputs(StackGraph graph, ResolvedEnvironment environment)
    {
        var producer = graph.Add(environment.StackPrefix + "-producer", environment.Region, "stand-in for the stacks monitoring imports from");
        var apis = environment.Apps.OfType<ResolvedApiApp>()
            .Select(a => new MonitoredApiApp(
                a,
                producer.Export(MonitoringNames.TargetGroupFullName(a.Id), "targetgroup/x/1", "Target group"),
                producer.Export(MonitoringNames.ServiceName(a.Id), a.Id, "ECS service")))
            .ToList();
        return new MonitoringInputs(
            producer.Export("DistributionDomainName", "d111111abcdef8.cloudfront.net", "Distribution"),
            apis.Count == 0 ? null : new MonitoredApis(producer.Export("LoadBalancerFullName", "app/x/1", "Load balancer"), producer.Export("ClusterName", "cluster", "Cluster"), apis),
            environment.Database is null ? null : producer.Export("DatabaseInstanceId", "db", "Database"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SharedSynthesis : ICollectionFixture<SynthesisFixture>
{
    public const string Name = "CDK synthesis";
}
