using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Emit.Tests.Caching;

/// <summary>
/// The per-stack cache's keys leave out the app fields in <see cref="StackKeys.OwnStacksOnly"/> for every stack but the
/// app's own and those whose <see cref="StackInputs"/> read them. That is safe only if no other stack reads them: each
/// is changed here in one app, and the environment synthesized with the cache (every other stack replayed) must equal
/// a cold synthesis, byte for byte.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class StackKeysTests : IDisposable
{
    private const string Changed = "orders";
    private const string ChangedStatic = "frontend";

    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-stack-keys-" + Guid.NewGuid().ToString("N"));

    // Each field left out of the other apps' keys, and a change of it in one app.
    private static readonly Dictionary<string, (string App, Func<ResolvedApp, ResolvedApp> Change)> Changes = new(StringComparer.Ordinal)
    {
        [nameof(ResolvedApiApp.Cpu)] = (Changed, a => Api(a) with { Cpu = 1024 }),
        [nameof(ResolvedApiApp.Memory)] = (Changed, a => Api(a) with { Memory = 3072 }),
        [nameof(ResolvedApiApp.Scale)] = (Changed, a => Api(a) with { Scale = Api(a).Scale with { Max = Api(a).Scale.Max + 1 } }),
        [nameof(ResolvedApiApp.Env)] = (Changed, a => Api(a) with { Env = [.. Api(a).Env, new("ADDED", "1")] }),
        [nameof(ResolvedApiApp.Secrets)] = (Changed, a => Api(a) with { Secrets = [.. Api(a).Secrets, new("ADDED_SECRET", "orders/added")] }),
        [nameof(ResolvedApp.Slo)] = (Changed, a => a with { Slo = a.Slo with { Availability = 99.5, LatencyP95Ms = 250 } }),
        [nameof(ResolvedStaticApp.Spa)] = (ChangedStatic, a => Static(a) with { Spa = !Static(a).Spa }),
        [nameof(ResolvedStaticApp.ContentSecurityPolicy)] = (ChangedStatic, a => Static(a) with { ContentSecurityPolicy = "default-src 'self'" }),
    };

    [Fact]
    public void Every_field_left_out_of_other_apps_keys_has_a_change_here()
    {
        Assert.Equal(StackKeys.OwnStacksOnly.Order(StringComparer.Ordinal), Changes.Keys.Order(StringComparer.Ordinal));
    }

    // dev (economy) has no team dashboards, prod (resilient) has them: its regional monitoring stack reads every app
    // field, dev's only the objectives.
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void A_field_only_its_own_stacks_read_replays_every_other_stack_and_equals_a_cold_synthesis(string environment)
    {
        var platform = FrontEnd.Analyze("platform.yaml", Platform()).Platform!;
        var cache = Path.Combine(root, "stacks");
        var first = Synthesize(platform, environment, cache);
        Assert.Empty(first.ReplayedStacks);

        foreach (var (field, (appId, change)) in Changes)
        {
            var changed = Change(platform, appId, change);
            var replayed = Synthesize(changed, environment, cache);
            var cold = Synthesize(changed, environment, null);

            Assert.Equal(cold.Plan.Stacks.Select(s => s.StackName), replayed.Plan.Stacks.Select(s => s.StackName));
            foreach (var (built, actual) in cold.Plan.Stacks.Zip(replayed.Plan.Stacks))
            {
                Assert.True(built.Template == actual.Template, $"{field} of {appId} changed: {actual.StackName} differs from a cold synthesis");
            }

            Assert.Equal(DeployPlanJson.Write(cold.Plan), DeployPlanJson.Write(replayed.Plan));
            Assert.Equal(cold.Warnings, replayed.Warnings);

            // Every stack came from the cache but the changed app's and those that read the field of every app: the
            // comparison above is about replayed stacks.
            var rebuilt = new HashSet<string>(StringComparer.Ordinal);
            if (environment == "prod" || field == nameof(ResolvedApp.Slo))
            {
                rebuilt.Add($"desafio-{environment}-monitoring");
            }

            if (field is nameof(ResolvedStaticApp.Spa) or nameof(ResolvedStaticApp.ContentSecurityPolicy))
            {
                rebuilt.Add($"desafio-{environment}-edge");
            }

            if (field is nameof(ResolvedApiApp.Secrets))
            {
                rebuilt.Add($"desafio-{environment}-delivery");
            }

            var expected = cold.Plan.Stacks.Select(s => s.StackName).Where(n => !n.EndsWith("-app-" + appId, StringComparison.Ordinal) && !rebuilt.Contains(n));
            Assert.Equal(expected.Order(StringComparer.Ordinal), replayed.ReplayedStacks.Order(StringComparer.Ordinal));
            Assert.True(first.Plan.Stacks.Select(s => s.Template).SequenceEqual(cold.Plan.Stacks.Select(s => s.Template)) is false, $"changing {field} of {appId} changed no template: the change proves nothing");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ResolvedApiApp Api(ResolvedApp app) => (ResolvedApiApp)app;

    private static ResolvedStaticApp Static(ResolvedApp app) => (ResolvedStaticApp)app;

    private static EnvironmentSynthesis Synthesize(ResolvedPlatform platform, string environment, string? cache)
    {
        var result = PlatformSynthesizer.Synthesize(platform, new SynthesisOptions { Environment = environment, StackCacheDirectory = cache });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Environments);
    }

    private static ResolvedPlatform Change(ResolvedPlatform platform, string appId, Func<ResolvedApp, ResolvedApp> change) =>
        platform with
        {
            Environments = [.. platform.Environments.Select(e => e with { Apps = [.. e.Apps.Select(a => a.Id == appId ? change(a) : a)] })],
        };

    // The sample with a second api app (so another api app's stacks can be replayed) and a second static app.
    private static string Platform()
    {
        var sample = File.ReadAllText(RepositoryPaths.Sample("desafio-aws"));
        const string Added = """
              orders:
                type: api
                team: backend
                path: /orders
                port: 8080
                healthCheck: /orders/health
                cpu: 512
                memory: 2048
                scale: { min: 1, max: 3 }
                secrets: { API_KEY: orders/api-key }
                slo: { availability: 99.9, latencyP95Ms: 500 }
                source: { path: apps }
              admin:
                type: static
                team: frontend
                path: /admin
                source: { path: apps/frontend/dist }

            database:
            """;
        Assert.Contains("\ndatabase:\n", sample, StringComparison.Ordinal);
        return sample.Replace("\ndatabase:\n", "\n" + Added + "\n", StringComparison.Ordinal);
    }
}
