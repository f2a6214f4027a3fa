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

        // Workers bypass the synthesis cache; without --no-cache the single process would also write its cache folder.
        var (singleCode, _) = Compile(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", single, "--no-cache"]);
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

    [Fact]
    public void When_one_workers_environment_fails_nothing_is_written_and_its_errors_are_printed()
    {
        // The Limits case whose role names are too long for IAM, plus an environment with a short name that compiles.
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Compiler.Emit.Tests", "Limits", "longest-ids-with-delivery.yaml"))
            .Replace("  abcdefghijkl: { account: \"111111111111\" }\n", "  abcdefghijkl: { account: \"111111111111\" }\n  dev: { account: \"111111111111\" }\n", StringComparison.Ordinal);
        Assert.Contains("  dev: {", yaml, StringComparison.Ordinal);
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "platform.yaml");
        File.WriteAllText(file, yaml);
        var output = Path.Combine(root, "out");

        var (code, printed) = Compile(["compile", file, "--out", output, "--workers", "2"]);

        Assert.True(code == 1, printed);
        Assert.Contains("error TRL4004", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote ", printed, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
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
