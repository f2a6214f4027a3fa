using System.Diagnostics;
using Trilho.Compiler.Cli;

namespace Trilho.Compiler.Tests.Cli;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NodeRequirementTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trilho-node-").FullName;

    private string FakeNode(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder, version)).FullName;
        var node = Path.Combine(bin, "node");
        File.WriteAllText(node, $"#!/bin/sh\necho {version}\n");
        File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    [Fact]
    public void No_node_on_path_says_what_to_install()
    {
        var problem = NodeRequirement.Problem(Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName);

        Assert.NotNull(problem);
        Assert.Equal("TRL9003", problem.Id);
        Assert.StartsWith("Node.js 20 or later is required on PATH: AWS CDK", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_node_names_its_version() =>
        Assert.Contains("is version 18", NodeRequirement.Problem(FakeNode("v18.19.0"))?.Message, StringComparison.Ordinal);

    [Fact]
    public void Node_20_or_later_is_fine() => Assert.Null(NodeRequirement.Problem(FakeNode("v20.11.1")));

    /// <summary>
    /// The real compiler as MSBuild runs it, with a PATH that has no node: it must print the canonical
    /// <c>trilho: error TRL9003: ...</c> line, the form TrilhoCompile turns into an MSBuild error with that code.
    /// </summary>
    [Fact]
    public void Compile_without_node_prints_trl9003_in_canonical_form()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, "dotnet")).First(File.Exists);
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(Compiler.Cli.Cli).Assembly.Location, "compile", Repository.PathOf("samples", "desafio-aws", "platform.yaml"), "--out", Path.Combine(_folder, "out") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = Directory.CreateDirectory(Path.Combine(_folder, "no-node")).FullName;
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("TRL9003", StringComparison.Ordinal));
        Assert.StartsWith("trilho: error TRL9003: Node.js 20 or later is required on PATH", line, StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
