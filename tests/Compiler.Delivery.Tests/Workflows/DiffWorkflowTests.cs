using System.Diagnostics;
using Trilho.Compiler.Cli.Init;
using YamlDotNet.RepresentationModel;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// The diff steps of the workflow <c>trilho init</c> writes, run the way GitHub runs a <c>run:</c> script (bash -eo
/// pipefail) with <c>dotnet trilho</c> being this build's trilho, over two compiled folders where a bucket is replaced.
/// </summary>
public sealed class DiffWorkflowTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "trilho-diff-workflow-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_diff_step_writes_the_summary_annotates_and_fails_on_an_unacknowledged_replacement()
    {
        Compiled("base", "old-name");
        Compiled("pr", "new-name");

        var (code, output, summary) = RunStep("Diff dev");

        Assert.Equal(1, code);
        Assert.Contains("### trilho diff: dev", summary, StringComparison.Ordinal);
        Assert.Contains("REPLACED        Files (AWS::S3::Bucket)  [stateful]", summary, StringComparison.Ordinal);
        Assert.Contains("      BucketName: replacement yes", summary, StringComparison.Ordinal);
        Assert.Contains("::error title=TRL6001 (dev)::p-dev-app/Files (AWS::S3::Bucket) would be REPLACED: BucketName changes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_step_passes_an_unchanged_environment_and_a_new_one()
    {
        Compiled("base", "same");
        Compiled("pr", "same");
        Assert.Equal(0, RunStep("Diff dev").Code);

        Directory.Delete(Path.Combine(work, ".trilho-out", "base"), recursive: true);
        var (code, _, summary) = RunStep("Diff dev");
        Assert.Equal(0, code);
        Assert.Contains("dev is new: every stack is created", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_environment_gets_a_diff_step_that_runs_after_an_earlier_failure()
    {
        var steps = Steps();
        Assert.Equal(["Diff dev", "Diff prod"], steps.Keys.Where(k => k.StartsWith("Diff ", StringComparison.Ordinal)));
        Assert.All(steps.Where(s => s.Key.StartsWith("Diff ", StringComparison.Ordinal)), s => Assert.Equal("success() || failure()", ((YamlScalarNode)s.Value.Children[new YamlScalarNode("if")]).Value));
    }

    [Fact]
    public void The_compile_step_synthesizes_an_environment_the_pull_request_leaves_alone_only_once()
    {
        var sample = Path.GetDirectoryName(Trilho.Testing.RepositoryRoot.Combine("samples", "desafio-aws", "platform.yaml"))!;
        CopySample(sample, Path.Combine(work, ".trilho-base"));
        CopySample(sample, work);
        var platform = Path.Combine(work, "platform.yaml");
        var text = File.ReadAllText(platform);
        Assert.Contains("scale: { min: 3, max: 30 }", text, StringComparison.Ordinal);
        File.WriteAllText(platform, text.Replace("scale: { min: 3, max: 30 }", "scale: { min: 3, max: 31 }", StringComparison.Ordinal));

        var (code, output, _) = RunStep("Compile platform.yaml of the base branch and of the pull request");

        Assert.True(code == 0, output);
        foreach (var side in (string[])["base", "pr"])
        {
            Assert.True(File.Exists(Path.Combine(work, ".trilho-out", side, "dev", "deploy-plan.json")), side);
            Assert.True(File.Exists(Path.Combine(work, ".trilho-out", side, "prod", "deploy-plan.json")), side);
        }

        // One entry per environment synthesized: dev once (the pull request's compile read the base's), prod twice.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(work, ".trilho-out", "cache"), "*.json").Length);
        Assert.Equal(
            File.ReadAllText(Path.Combine(work, ".trilho-out", "base", "dev", "desafio-dev-app-backend.template.json")),
            File.ReadAllText(Path.Combine(work, ".trilho-out", "pr", "dev", "desafio-dev-app-backend.template.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, YamlMappingNode> Steps()
    {
        var platform = FrontEnd.AnalyzeFile(Trilho.Testing.RepositoryRoot.Combine("samples", "desafio-aws", "platform.yaml")).Platform!;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(WorkflowTemplates.Diff(platform, "platform.yaml")));
        var job = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("diff")];
        return ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("name")))
            .ToDictionary(s => ((YamlScalarNode)s.Children[new YamlScalarNode("name")]).Value!, s => s, StringComparer.Ordinal);
    }

    private (int Code, string Output, string Summary) RunStep(string name)
    {
        var script = ((YamlScalarNode)Steps()[name].Children[new YamlScalarNode("run")]).Value!;
        var bin = Path.Combine(work, "bin");
        Directory.CreateDirectory(bin);
        // `dotnet trilho ...` as `dotnet tool restore` provides it: this build's trilho.
        var trilho = Path.Combine(AppContext.BaseDirectory, "trilho.dll");
        File.WriteAllText(Path.Combine(bin, "dotnet"), $"#!/bin/bash\n[ \"$1\" = trilho ] || exit 97\nshift\nexec '{RealDotnet()}' '{trilho}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var summary = Path.Combine(work, "summary.md");
        File.WriteAllText(summary, string.Empty);

        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result, File.ReadAllText(summary));
    }

    // The dotnet running the tests (the fake one shadows it on PATH).
    private static string RealDotnet() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);

    // platform.yaml with the app folders beside it, which the front end requires (TRL2049).
    private static void CopySample(string sample, string target)
    {
        foreach (var source in Directory.GetFiles(sample, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(sample, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules")))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(sample, source));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(source, copy, overwrite: true);
        }
    }

    /// <summary>A compiled environment folder with one stack holding a bucket named <paramref name="bucketName"/>.</summary>
    private void Compiled(string side, string bucketName)
    {
        var folder = Path.Combine(work, ".trilho-out", side, "dev");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "deploy-plan.json"), """
            {"formatVersion":1,"platform":"p","environment":"dev","account":"111111111111","steps":[
              {"step":"deployStack","stack":"p-dev-app","region":"sa-east-1","template":"p-dev-app.template.json","parameters":{}}]}
            """);
        File.WriteAllText(Path.Combine(folder, "p-dev-app.template.json"), "{\"Resources\":{\"Files\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{\"BucketName\":\"" + bucketName + "\"}}}}");
    }
}
