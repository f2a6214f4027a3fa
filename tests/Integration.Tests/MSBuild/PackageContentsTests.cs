using System.IO.Compression;
using System.Xml.Linq;
using Trilho.Integration.Tests.Infrastructure;

namespace Trilho.Integration.Tests.MSBuild;

[Collection(PackedPackagesGroup.Name)]
public sealed class PackageContentsTests(PackedPackages packages)
{
    [Fact]
    public void Build_package_holds_props_targets_task_and_a_runnable_compiler()
    {
        var entries = Entries("Trilho.Compiler.MSBuild");

        Assert.Contains("build/Trilho.Compiler.MSBuild.props", entries);
        Assert.Contains("build/Trilho.Compiler.MSBuild.targets", entries);
        Assert.Contains("tasks/net10.0/Trilho.Compiler.MSBuild.dll", entries);
        Assert.Contains("tools/net10.0/trilho.dll", entries);
        Assert.Contains("tools/net10.0/trilho.runtimeconfig.json", entries);
        Assert.Contains("tools/net10.0/trilho.deps.json", entries);
        Assert.Contains("tools/net10.0/Trilho.Compiler.dll", entries);
        Assert.Contains("tools/net10.0/Amazon.CDK.Lib.dll", entries);
        Assert.Contains("tools/net10.0/Amazon.JSII.Runtime.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        // MSBuild provides its own assemblies; a packed copy would conflict with them.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_package_is_a_development_dependency_without_dependencies()
    {
        var metadata = Metadata("Trilho.Compiler.MSBuild");

        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        AssertCommonMetadata(metadata);
    }

    [Fact]
    public void Library_package_holds_the_compiler_assembly_and_its_dependencies()
    {
        var entries = Entries("Trilho.Compiler");
        var metadata = Metadata("Trilho.Compiler");

        Assert.Contains("lib/net10.0/Trilho.Compiler.dll", entries);
        Assert.Contains("lib/net10.0/Trilho.Compiler.xml", entries);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Contains("Amazon.CDK.Lib", dependencies);
        Assert.Contains("YamlDotNet", dependencies);
        AssertCommonMetadata(metadata);
    }

    [Fact]
    public void Tool_package_installs_the_trilho_command()
    {
        var entries = Entries("trilho");
        var metadata = Metadata("trilho");

        Assert.Contains("tools/net10.0/any/trilho.dll", entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        AssertCommonMetadata(metadata);
    }

    private void AssertCommonMetadata(XElement metadata)
    {
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Contains("cloudformation", Value(metadata, "tags") ?? "", StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
    }

    private List<string> Entries(string id)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath(id));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private XElement Metadata(string id)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath(id));
        var nuspec = zip.Entries.Single(e => e.FullName == $"{id}.nuspec");
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
