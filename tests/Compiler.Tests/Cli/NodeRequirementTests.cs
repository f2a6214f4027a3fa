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
    public void No_node_on_path_says_what_to_install() =>
        Assert.StartsWith("Node.js 20 or later is required on PATH: AWS CDK", NodeRequirement.Problem(Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName), StringComparison.Ordinal);

    [Fact]
    public void An_old_node_names_its_version() =>
        Assert.Contains("is version 18", NodeRequirement.Problem(FakeNode("v18.19.0")), StringComparison.Ordinal);

    [Fact]
    public void Node_20_or_later_is_fine() => Assert.Null(NodeRequirement.Problem(FakeNode("v20.11.1")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
