using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Trilho.Integration.Tests.Infrastructure;

namespace Trilho.Integration.Tests.MSBuild;

/// <summary>
/// The .NET Framework 4.7.2 task that Visual Studio's MSBuild.exe loads, checked here without Windows: what the
/// packed assembly references, and which task assembly the packed props choose for each MSBuild runtime.
/// What only Visual Studio can prove is listed in docs/msbuild.md ("Visual Studio").
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class FrameworkTaskTests(PackedPackages packages)
{
    private const string TaskEntry = "tasks/net472/Trilho.Compiler.MSBuild.dll";

    // MSBuild keeps the assembly version of its public assemblies at 15.1.0.0 from Visual Studio 2017 on, and
    // MSBuild.exe redirects every older reference to its own copy.
    private static readonly Version MSBuildAssemblyVersion = new(15, 1, 0, 0);

    [Fact]
    public void Framework_task_targets_net472_and_references_only_what_framework_msbuild_provides()
    {
        using var task = new PEReader(new MemoryStream(PackageEntry(TaskEntry)));
        var metadata = task.GetMetadataReader();
        var available = Net472ReferenceAssemblies();

        Assert.Equal(".NETFramework,Version=v4.7.2", TargetFramework(metadata));
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version)).ToList();
        Assert.Contains(references, r => r.Name == "mscorlib");
        Assert.Contains(references, r => r.Name == "Microsoft.Build.Utilities.Core");
        var unavailable = references
            .Where(r => r.Name.StartsWith("Microsoft.Build.", StringComparison.Ordinal)
                ? r.Name is not ("Microsoft.Build.Framework" or "Microsoft.Build.Utilities.Core") || r.Version > MSBuildAssemblyVersion
                : !available.TryGetValue(r.Name, out var version) || r.Version > version)
            .Select(r => $"{r.Name} {r.Version}")
            .ToList();
        Assert.True(unavailable.Count == 0, "the net472 task references what .NET Framework 4.7.2 MSBuild lacks: " + string.Join(", ", unavailable));
    }

    [Fact]
    public void Props_choose_the_net10_task_on_dotnet_build_and_the_net472_task_on_framework_msbuild()
    {
        var root = Extract();
        var props = Path.Combine(root, "build", "Trilho.Compiler.MSBuild.props");
        var text = File.ReadAllText(props);
        // MSBuildRuntimeType is reserved (MSB4177 when set), so the Framework branches are evaluated on copies of the
        // packed props where it is replaced by the value MSBuild.exe (Full) or Mono MSBuild (Mono) would have.
        Assert.Contains("$(MSBuildRuntimeType)", text, StringComparison.Ordinal);
        foreach (var runtime in new[] { "Full", "Mono" })
        {
            File.WriteAllText(Path.Combine(root, "build", $"{runtime}.props"), text.Replace("$(MSBuildRuntimeType)", runtime, StringComparison.Ordinal));
        }

        Assert.Equal(Path.Combine(root, "tasks", "net10.0", "Trilho.Compiler.MSBuild.dll"), Evaluate(root, props, "_TrilhoTaskAssembly"));
        foreach (var runtime in new[] { "Full", "Mono" })
        {
            var chosen = Evaluate(root, Path.Combine(root, "build", $"{runtime}.props"), "_TrilhoTaskAssembly");
            Assert.Equal(Path.Combine(root, "tasks", "net472", "Trilho.Compiler.MSBuild.dll"), chosen);
        }

        // Whichever task runs, it starts the one compiler under tools/net10.0/.
        Assert.True(File.Exists(Path.Combine(Evaluate(root, props, "_TrilhoCompilerDirectory"), "trilho.dll")));
        Assert.True(File.Exists(Path.Combine(root, "tasks", "net472", "Trilho.Compiler.MSBuild.dll")));
    }

    [Fact]
    public void Without_dotnet_host_path_the_task_starts_the_dotnet_of_the_resolved_sdk()
    {
        var root = Extract();
        var props = Path.Combine(root, "build", "Trilho.Compiler.MSBuild.props");
        var running = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        Assert.False(string.IsNullOrEmpty(running), "tests run under dotnet test, which sets DOTNET_HOST_PATH");

        Assert.Equal(running, Evaluate(root, props, "_TrilhoDotnetHost"));
        // MSBuild.exe in Visual Studio may not set DOTNET_HOST_PATH; an empty global property stands for that here.
        var fallback = Evaluate(root, props, "_TrilhoDotnetHost", "-p:DOTNET_HOST_PATH=");
        // The dotnet beside the sdk/ folder the build resolved Microsoft.NET.Sdk from ($(NetCoreRoot)), not whatever is first on PATH.
        Assert.True(File.Exists(fallback), $"'{fallback}' does not exist");
        Assert.True(Directory.Exists(Path.Combine(Path.GetDirectoryName(fallback)!, "sdk")), fallback);
    }

    /// <summary>Evaluates <paramref name="property"/> in an SDK project importing the packed props and targets, as a PackageReference does.</summary>
    private static string Evaluate(string root, string props, string property, params string[] extra)
    {
        var project = Path.Combine(root, "probe", $"probe-{Guid.NewGuid():N}.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{props}" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <Import Project="{Path.Combine(root, "build", "Trilho.Compiler.MSBuild.targets")}" />
            </Project>
            """);
        var result = Dotnet.Run(Path.GetDirectoryName(project)!, null, ["msbuild", project, $"-getProperty:{property}", .. extra]).ShouldSucceed();
        return result.Output.Trim();
    }

    private string Extract()
    {
        var root = Path.Combine(packages.Root, "extracted-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(packages.PackagePath("Trilho.Compiler.MSBuild"), root);
        return root;
    }

    private byte[] PackageEntry(string name)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath("Trilho.Compiler.MSBuild"));
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? TargetFramework(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (metadata.GetString(type.Name) == "TargetFrameworkAttribute")
            {
                var value = metadata.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                return value.ReadSerializedString();
            }
        }

        return null;
    }

    /// <summary>
    /// Name and version of every assembly .NET Framework 4.7.2 provides, from its reference assemblies (the
    /// Microsoft.NETFramework.ReferenceAssemblies.net472 package the net472 build restored), facades included.
    /// </summary>
    private static Dictionary<string, Version> Net472ReferenceAssemblies()
    {
        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(nugetRoot, "microsoft.netframework.referenceassemblies.net472");
        var folder = Directory.GetDirectories(package).Select(v => Path.Combine(v, "build", ".NETFramework", "v4.7.2")).Last(Directory.Exists);
        var assemblies = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.dll").Concat(Directory.GetFiles(Path.Combine(folder, "Facades"), "*.dll")))
        {
            using var reader = new PEReader(File.OpenRead(file));
            // A few files there are native or metadata modules, not assemblies a reference can name.
            if (!reader.HasMetadata || !reader.GetMetadataReader().IsAssembly)
            {
                continue;
            }

            var definition = reader.GetMetadataReader().GetAssemblyDefinition();
            assemblies[reader.GetMetadataReader().GetString(definition.Name)] = definition.Version;
        }

        Assert.True(assemblies.ContainsKey("mscorlib") && assemblies.ContainsKey("netstandard"), "incomplete reference assemblies in " + folder);
        return assemblies;
    }
}
