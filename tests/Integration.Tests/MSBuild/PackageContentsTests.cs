using System.IO.Compression;
using System.Security.Cryptography;
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
        // Visual Studio's MSBuild runs on .NET Framework and cannot load the net10.0 task (FrameworkTaskTests).
        Assert.Contains("tasks/net472/Trilho.Compiler.MSBuild.dll", entries);
        // One compiler, started by either task: nothing but the task assembly under tasks/net472/.
        Assert.Equal(["tasks/net472/Trilho.Compiler.MSBuild.dll"], entries.Where(e => e.StartsWith("tasks/net472/", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/net472", StringComparison.Ordinal));
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

    [Theory]
    [InlineData("Trilho.Compiler")]
    [InlineData("trilho")]
    [InlineData("Trilho.Compiler.MSBuild")]
    public void Package_holds_each_file_once(string id)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath(id));

        // The same file name with the same bytes in two folders is a copy a user downloads for nothing
        // (the build package once carried the whole compiler twice, under tools/net10.0/ and tools/net10.0/publish/publish/).
        var copies = zip.Entries
            .Where(e => e.Length > 0)
            .GroupBy(e => (Name: e.Name, Hash: Convert.ToHexString(Sha256(e))))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(e => e.FullName)))
            .ToList();

        Assert.True(copies.Count == 0, $"{id} holds the same file more than once: {string.Join("; ", copies)}");
    }

    /// <summary>
    /// Budgets in MB of the .nupkg, measured with <c>dotnet pack -c Release</c> (docs/msbuild.md, "Package size") plus
    /// about 10%: a package that grows past one carries something new a CI restores every day, so raise it on purpose.
    /// </summary>
    [Theory]
    [InlineData("Trilho.Compiler", 1)]
    [InlineData("trilho", 80)]
    [InlineData("Trilho.Compiler.MSBuild", 80)]
    public void Package_stays_within_its_size_budget(string id, int budgetMegabytes)
    {
        var size = new FileInfo(packages.PackagePath(id)).Length;

        Assert.True(size <= budgetMegabytes * 1024L * 1024L, $"{id} is {size / (1024.0 * 1024.0):F1} MB packed, over its budget of {budgetMegabytes} MB");
    }

    private static byte[] Sha256(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return SHA256.HashData(stream);
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
