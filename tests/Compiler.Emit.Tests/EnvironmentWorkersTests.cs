namespace Trilho.Compiler.Emit.Tests;

/// <summary><c>trilho compile --workers n</c> (issue 15): one process per environment writes what one process writes.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class EnvironmentWorkersTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-workers-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Workers_write_byte_identical_output_and_remove_stale_templates()
    {
        var single = Path.Combine(root, "single");
        var workers = Path.Combine(root, "workers");
        var stale = Path.Combine(workers, "prod", "desafio-prod-removed-app.template.json");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "{}");

        var (singleCode, _) = Compile(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", single]);
        var (workersCode, printed) = Compile(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", workers, "--workers", "2"]);

        Assert.Equal(0, singleCode);
        Assert.True(workersCode == 0, printed);
        var files = Files(single);
        Assert.Equal(files, Files(workers));
        Assert.Contains(Path.Combine("prod", "deploy-plan.json"), files);
        Assert.All(files, f => Assert.True(
            File.ReadAllBytes(Path.Combine(single, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(workers, f))),
            $"{f} differs between one process and workers"));
        Assert.False(File.Exists(stale));
        Assert.Contains($"; wrote 12 stack templates, deploy-plan.json and cost-estimate.json|md to {Path.Combine(workers, "dev")}", printed, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Code, string Stdout) Compile(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];
}
