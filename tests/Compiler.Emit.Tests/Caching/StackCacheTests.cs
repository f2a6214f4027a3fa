using System.Text.Json;
using Amazon.CDK;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Emit.Tests.Caching;

/// <summary>
/// How the stack graph uses a stored stack: replayed with what it exported, imported and pushed when its key matches and
/// every output it imported is still exported as it was; built (and keyed for storing) otherwise.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class StackCacheTests : IDisposable
{
    private const string Exporter = "exporter";
    private const string Cached = "cached-app-backend";

    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-stack-cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_stored_stack_whose_imports_are_exported_as_they_were_is_replayed_without_constructs()
    {
        var (graph, backend, exporter) = Graph("Repository of backend");
        var node = graph.Add(Cached, "sa-east-1", "an app stack", inputs: StackInputs.App(backend));

        Assert.NotNull(node.Replayed);
        graph.Complete();
        Assert.Equal([exporter], node.ImportsFrom);
        Assert.Equal("ECS service", node.Output("ServiceName").Description);
        Assert.Equal(["an alarm name"], node.Values);
        Assert.Equal(Exporter, Assert.Single(node.Parameters).Value.FromStack);
        Assert.Equal(Exporter, graph.PushImagesAfter);
        Assert.Equal("backend", Assert.Single(graph.Images).AppId);
        Assert.Throws<InvalidOperationException>(() => node.Stack);
        Assert.Null(node.CacheKey);
    }

    [Fact]
    public void A_stored_stack_whose_imported_output_changed_its_description_is_built_again()
    {
        var (graph, backend, _) = Graph("Image repository of backend, renamed");
        var node = graph.Add(Cached, "sa-east-1", "an app stack", inputs: StackInputs.App(backend));

        Assert.Null(node.Replayed);
        Assert.NotNull(node.CacheKey);
        Assert.Empty(graph.Images);
        Assert.Equal(Cached, node.Stack.StackName);
    }

    [Fact]
    public void A_replayed_stack_importing_from_a_stack_added_after_it_is_refused_when_that_output_changed()
    {
        var keys = Keys(out var environment);
        var backend = environment.Apps.Single(a => a.Id == "backend");
        var cache = new StackCache(root, keys);
        var later = new StoredOutput(Exporter, "HealthCheckId", "Route 53 health check");
        cache.Store(keys.For(Cached, StackInputs.App(backend)), new StackEntry(Cached, "sa-east-1", "{}", [], [], [later], [Exporter], [], [], [], [], []));

        var unchanged = new StackGraph(new App(), environment, cache);
        Assert.NotNull(unchanged.Add(Cached, "sa-east-1", "an app stack", inputs: StackInputs.App(backend)).Replayed);
        unchanged.Add(Exporter, "sa-east-1", "added after").Export(later.Name, "an-id", later.Description);
        unchanged.Complete();

        var changed = new StackGraph(new App(), environment, cache);
        Assert.NotNull(changed.Add(Cached, "sa-east-1", "an app stack", inputs: StackInputs.App(backend)).Replayed);
        changed.Add(Exporter, "sa-east-1", "added after").Export(later.Name, "an-id", "Another description");
        Assert.Throws<StaleReplayException>(changed.Complete);
    }

    [Fact]
    public void An_environment_whose_replayed_stack_imports_a_changed_output_is_built_again_without_replaying()
    {
        var platform = FrontEnd.AnalyzeFile(RepositoryPaths.Sample("desafio-aws")).Platform!;
        var options = new SynthesisOptions { Environment = "dev", StackCacheDirectory = root };
        var cold = Assert.Single(PlatformSynthesizer.Synthesize(platform, options).Environments);

        // The regional monitoring stack imports each app's health check id from a stack added after it.
        var regional = Directory.GetFiles(root).Single(f => JsonSerializer.Deserialize<StackEntry>(File.ReadAllText(f))!.StackName == "desafio-dev-monitoring");
        var entry = JsonSerializer.Deserialize<StackEntry>(File.ReadAllText(regional))!;
        Assert.Contains(entry.Imports, i => i.Name.EndsWith("HealthCheckId", StringComparison.Ordinal));
        File.WriteAllText(regional, JsonSerializer.Serialize(entry with
        {
            Template = "a stale template",
            Imports = [.. entry.Imports.Select(i => i.Name.EndsWith("HealthCheckId", StringComparison.Ordinal) ? i with { Description = "what it was before" } : i)],
        }));

        var again = Assert.Single(PlatformSynthesizer.Synthesize(platform, options).Environments);
        Assert.Empty(again.ReplayedStacks);
        Assert.Equal(cold.Plan.Stacks.Select(s => s.Template), again.Plan.Stacks.Select(s => s.Template));
    }

    [Fact]
    public void A_damaged_entry_is_a_miss()
    {
        var keys = Keys(out var environment);
        var cache = new StackCache(root, keys);
        var key = keys.For(Cached, StackInputs.App(environment.Apps[0]));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, key + ".json"), "{ not json");

        Assert.Null(cache.Find(key));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // A graph whose first stack exports the repository described as <paramref name="exported"/>; the stored stack imported it as "Repository of backend".
    private (StackGraph Graph, ResolvedApp Backend, StackNode Exporter) Graph(string exported)
    {
        var keys = Keys(out var environment);
        var backend = environment.Apps.Single(a => a.Id == "backend");
        var cache = new StackCache(root, keys);
        var repository = new StoredOutput(Exporter, "BackendRepositoryUri", "Repository of backend");
        cache.Store(keys.For(Cached, StackInputs.App(backend)), new StackEntry(
            Cached,
            "sa-east-1",
            "{}",
            [],
            [new("RepositoryUri", new ParameterValue(null, Exporter, "sa-east-1", repository.Name, null, null))],
            [repository],
            [Exporter],
            [new StoredOutput(Cached, "ServiceName", "ECS service")],
            [new ImagePush("backend", new ParameterValue(null, Exporter, "sa-east-1", repository.Name, null, null), Cached, "ImageTag")],
            [],
            ["an alarm name"],
            []));

        var graph = new StackGraph(new App(), environment, cache);
        var node = graph.Add(Exporter, "sa-east-1", "exports the repository");
        node.Export(repository.Name, "a-repository-uri", exported);
        return (graph, backend, node);
    }

    private static StackKeys Keys(out ResolvedEnvironment environment)
    {
        var platform = FrontEnd.AnalyzeFile(RepositoryPaths.Sample("desafio-aws")).Platform!;
        environment = platform.Environments[0];
        return new StackKeys(platform, environment);
    }
}
