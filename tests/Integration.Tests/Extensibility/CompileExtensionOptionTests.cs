using System.Text.Json;
using Desafio.Extensions;
using Trilho.Integration.Tests.Infrastructure;

namespace Trilho.Integration.Tests.Extensibility;

/// <summary><c>trilho compile --extension</c>, run as a process the way a user or CI runs it, with built extension assemblies.</summary>
public sealed class CompileExtensionOptionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("trilho-ext-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Sample_extension_built_as_a_user_builds_it_adds_its_bucket_to_the_compiled_backend_stack()
    {
        Dotnet.Run(Repository.Root, null, "build", Repository.Path("samples/extension/Desafio.Extensions.csproj"), "-c", Repository.Configuration).ShouldSucceed();
        var extension = Repository.Path($"samples/extension/bin/{Repository.Configuration}/net10.0/Desafio.Extensions.dll");
        var output = Path.Combine(_root, "out");

        Trilho("compile", Repository.Path("samples/desafio-aws/platform.yaml"), "--env", "dev", "--out", output, "--extension", extension).ShouldSucceed();

        using var backend = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "dev", "desafio-dev-app-backend.template.json")));
        var buckets = backend.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::S3::Bucket" && r.Name.StartsWith(AuditExportBucket.ConstructId, StringComparison.Ordinal))
            .ToList();
        var bucket = Assert.Single(buckets);
        Assert.Equal(30, bucket.Value.GetProperty("Properties").GetProperty("LifecycleConfiguration").GetProperty("Rules")[0].GetProperty("ExpirationInDays").GetInt32());
    }

    [Fact]
    public void Throwing_extension_is_trl9005_naming_it_and_where_it_threw_and_writes_nothing()
    {
        var extension = BuildExtension("Throwing", """
            public sealed class RefusesEverything : Trilho.Compiler.Extensibility.IPlatformExtension
            {
                public void Extend(Trilho.Compiler.Extensibility.ExtensionContext context) =>
                    throw new System.InvalidOperationException("the audit team has not approved this account");
            }
            """);
        var output = Path.Combine(_root, "out");

        var result = Trilho("compile", Repository.Path("samples/desafio-aws/platform.yaml"), "--env", "dev", "--out", output, "--extension", extension);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Output), l => l.Contains("TRL9005", StringComparison.Ordinal));
        Assert.StartsWith("trilho: error TRL9005: extension Throwing.RefusesEverything failed in environment 'dev': InvalidOperationException: the audit team has not approved this account (at Throwing.RefusesEverything.Extend", line, StringComparison.Ordinal);
        // A diagnostic, not a crash: no stack trace lines, no unhandled-exception banner.
        Assert.DoesNotContain(Lines(result.Output), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Assembly_without_an_extension_and_a_missing_file_are_trl9004_naming_them_before_synthesis()
    {
        var none = BuildExtension("Nothing", "public sealed class NotAnExtension { }");
        var missing = Path.Combine(_root, "missing", "Gone.dll");

        var result = Trilho("compile", Repository.Path("samples/desafio-aws/platform.yaml"), "--out", Path.Combine(_root, "out"), "--extension", none, "--extension", missing);

        Assert.Equal(1, result.ExitCode);
        var errors = Lines(result.Output).Where(l => l.Contains("TRL9004", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"trilho: error TRL9004: extension {none} cannot be used: it has no public non-abstract class implementing Trilho.Compiler.Extensibility.IPlatformExtension", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"trilho: error TRL9004: extension {missing} cannot be used: file not found.", errors[1], StringComparison.Ordinal);
        Assert.DoesNotContain("wrote ", result.Output, StringComparison.Ordinal);
    }

    private static DotnetResult Trilho(params string[] arguments) =>
        Dotnet.Run(Repository.Root, new Dictionary<string, string> { ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20" },
            [Repository.Path($"src/Compiler.Cli/bin/{Repository.Configuration}/net10.0/trilho.dll"), .. arguments]);

    /// <summary>Builds a one-file class library that references Trilho.Compiler, as a team's extension project does.</summary>
    private string BuildExtension(string name, string source)
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(project, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{name}</RootNamespace>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Repository.Path("src/Compiler/Compiler.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Extension.cs"), $"namespace {name};\n\n{source}\n");
        Dotnet.Run(project, null, "build", "-c", Repository.Configuration, "-o", Path.Combine(project, "out")).ShouldSucceed();
        return Path.Combine(project, "out", $"{name}.dll");
    }

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").Split('\n')];
}
