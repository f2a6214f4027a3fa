using Trilho.Compiler.Cli;

namespace Trilho.Compiler.Emit.Tests;

/// <summary><c>trilho compile</c> end to end, in this process (CDK is already started by the fixture).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class CliCompileTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "trilho-cli-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Compile_writes_templates_and_a_deploy_plan_per_environment()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", output], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.True(File.Exists(Path.Combine(output, environment, "deploy-plan.json")));
            Assert.Equal(12, Directory.GetFiles(Path.Combine(output, environment), "*.template.json").Length);
        }
    }

    [Fact]
    public void Compile_writes_a_cost_estimate_per_environment_and_prints_its_summary()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", output], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.TrimEntries);
        foreach (var environment in new[] { "dev", "prod" })
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, environment, "cost-estimate.json")))!;
            Assert.Equal(environment, json["environment"]!.GetValue<string>());
            Assert.True(json["monthlyTotal"]!.GetValue<decimal>() > 0);
            Assert.StartsWith("#", File.ReadAllText(Path.Combine(output, environment, "cost-estimate.md")), StringComparison.Ordinal);
            var summary = Assert.Single(lines, l => l.StartsWith($"trilho: desafio-{environment} (sa-east-1): estimated ", StringComparison.Ordinal));
            var templates = Directory.GetFiles(Path.Combine(output, environment), "*.template.json").Length;
            Assert.EndsWith($"; wrote {templates} stack templates, deploy-plan.json and cost-estimate.json|md to {Path.Combine(output, environment)}", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compile_of_one_environment_writes_only_that_environment()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", RepositoryPaths.Sample("desafio-aws"), "--out", output, "--env", "prod"], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        // Only prod's folder, beside the synthesis cache's.
        Assert.Equal([".trilho-cache", "prod"], Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_of_invalid_yaml_exits_1_with_diagnostics_and_writes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), "trilho-invalid-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "platform: [unclosed\n");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = Cli.Cli.Run(["compile", file, "--out", output], stdout, stderr);

            Assert.Equal(1, code);
            Assert.Contains("error TRL", stdout.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
