namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>Packs the three Trilho packages once per test run into a local feed folder.</summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>Packs the packages; slow (a build of the compiler), so shared by every test of the collection.</summary>
    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("trilho-it-").FullName;
        Feed = Directory.CreateDirectory(System.IO.Path.Combine(Root, "feed")).FullName;
        foreach (var project in new[] { "src/Compiler/Compiler.csproj", "src/Compiler.Cli/Compiler.Cli.csproj", "src/Compiler.MSBuild/Compiler.MSBuild.csproj" })
        {
            Dotnet.Run(Repository.Root, null, "pack", Repository.Path(project), "-c", Repository.Configuration, "-o", Feed)
                .ShouldSucceed();
        }

        Version = ReadVersion();
    }

    /// <summary>Temporary folder of this test run; consumer projects live under it.</summary>
    public string Root { get; }

    /// <summary>The local feed holding the packed .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>The version every Trilho package was packed with.</summary>
    public string Version { get; }

    /// <summary>Path of the package <paramref name="id"/> in the feed.</summary>
    public string PackagePath(string id) => System.IO.Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("TRILHO_KEEP_TEST_FILES") != "1")
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private string ReadVersion()
    {
        const string prefix = "Trilho.Compiler.MSBuild.";
        var package = Directory.GetFiles(Feed, prefix + "*.nupkg").Single();
        return System.IO.Path.GetFileNameWithoutExtension(package)[prefix.Length..];
    }
}

/// <summary>Tests that need the packed packages share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
    /// <summary>Name of the collection.</summary>
    public const string Name = "packed packages";
}
