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
        var node = graph.AddAppStack(backend, Cached, "sa-east-1", "an app stack");

        Assert.NotNull(node.Replayed);
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
        var node = graph.AddAppStack(backend, Cached, "sa-east-1", "an app stack");

        Assert.Null(node.Replayed);
        Assert.NotNull(node.CacheKey);
        Assert.Empty(graph.Images);
        Assert.Equal(Cached, node.Stack.StackName);
    }

    [Fact]
    public void A_damaged_entry_is_a_miss()
    {
        var keys = Keys(out var environment);
        var cache = new StackCache(root, keys);
        var key = keys.For(Cached, environment.Apps[0]);
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
        cache.Store(keys.For(Cached, backend), new StackEntry(
            Cached,
            "sa-east-1",
            "{}",
            [],
            [new("RepositoryUri", new ParameterValue(null, Exporter, "sa-east-1", repository.Name, null, null))],
            [repository],
            [Exporter],
            [new StoredOutput(Cached, "ServiceName", "ECS service")],
            [new ImagePush("backend", new ParameterValue(null, Exporter, "sa-east-1", repository.Name, null, null), Cached, "ImageTag")],
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
