namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh project outside the repository that references only Trilho.Compiler.MSBuild from the local feed,
/// with its own package folder so a re-pack of the same version is never hidden by a cached copy.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly string _packagesFolder;

    public ConsumerProject(PackedPackages packages, string name, string platformYaml)
    {
        Directory = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(packages.Root, name)).FullName;
        _packagesFolder = System.IO.Path.Combine(Directory, ".packages");
        File.WriteAllText(System.IO.Path.Combine(Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{_packagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="trilho-local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(System.IO.Path.Combine(Directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Trilho.Compiler.MSBuild" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        PlatformFile = System.IO.Path.Combine(Directory, "platform.yaml");
        File.WriteAllText(PlatformFile, platformYaml);
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>The platform.yaml beside the project.</summary>
    public string PlatformFile { get; }

    /// <summary>Where templates go by default.</summary>
    public string TemplatesFolder => System.IO.Path.Combine(Directory, "bin", "cloudformation");

    /// <summary>Runs <c>dotnet</c> <paramref name="arguments"/> in the project folder.</summary>
    public DotnetResult Dotnet(params string[] arguments) => DotnetWithPath(null, arguments);

    /// <summary>Runs <c>dotnet</c> <paramref name="arguments"/> in the project folder with PATH set to <paramref name="pathVariable"/> (null: inherited).</summary>
    public DotnetResult DotnetWithPath(string? pathVariable, params string[] arguments)
    {
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _packagesFolder };
        if (pathVariable is not null)
        {
            environment["PATH"] = pathVariable;
        }

        return Infrastructure.Dotnet.Run(Directory, environment, arguments);
    }
}
