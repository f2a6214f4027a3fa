using Trilho.Integration.Tests.Infrastructure;

namespace Trilho.Integration.Tests.MSBuild;

/// <summary>Real <c>dotnet build</c> runs of a fresh project that references only the packed Trilho.Compiler.MSBuild.</summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ConsumerBuildTests(PackedPackages packages)
{
    private const string MinimalPlatform = """
        platform: minimal
        region: us-east-1
        teams:
          core: { name: Core, email: core@example.com }
        apps:
          api: { type: api, team: core, path: /api }
        environments:
          dev: { account: "111111111111" }
        """;

    [Fact]
    public void Build_writes_templates_and_deploy_plan_then_rebuild_is_a_no_op_and_clean_removes_them()
    {
        var consumer = new ConsumerProject(packages, "zeroconfig", MinimalPlatform);

        var build = consumer.Dotnet("build").ShouldSucceed();
        var dev = Path.Combine(consumer.TemplatesFolder, "dev");
        // dotnet build's default verbosity shows the summary: the estimate and what was written where.
        Assert.Matches(@"trilho: minimal-dev \(us-east-1\): estimated USD [0-9.]+/month .*; wrote [0-9]+ stack templates, deploy-plan\.json and cost-estimate\.json\|md to " + System.Text.RegularExpressions.Regex.Escape(dev), build.Output);
        Assert.True(File.Exists(Path.Combine(dev, "deploy-plan.json")), "deploy-plan.json missing in " + dev);
        var templates = Directory.GetFiles(dev, "*.template.json");
        Assert.NotEmpty(templates);
        var written = templates.ToDictionary(t => t, File.GetLastWriteTimeUtc);

        var rebuild = consumer.Dotnet("build", "-v:detailed").ShouldSucceed();
        Assert.Contains("Skipping target \"TrilhoCompile\" because all output files are up-to-date", rebuild.Output, StringComparison.Ordinal);
        Assert.All(written, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));

        File.AppendAllText(consumer.PlatformFile, "\n# edited\n");
        var afterEdit = consumer.Dotnet("build", "-v:detailed").ShouldSucceed();
        Assert.DoesNotContain("Skipping target \"TrilhoCompile\"", afterEdit.Output, StringComparison.Ordinal);
        Assert.All(written, t => Assert.True(File.GetLastWriteTimeUtc(t.Key) > t.Value, t.Key + " was not rewritten"));
        // dotnet build runs MSBuild on .NET: the props chose the net10.0 task, not the .NET Framework one Visual Studio loads.
        Assert.Matches(@"Using ""TrilhoCompile"" task from assembly "".*[/\\]tasks[/\\]net10\.0[/\\]Trilho\.Compiler\.MSBuild\.dll""", afterEdit.Output);

        consumer.Dotnet("clean").ShouldSucceed();
        Assert.Empty(Directory.GetFiles(consumer.TemplatesFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Properties_choose_the_environments_and_the_output_folder()
    {
        var consumer = new ConsumerProject(packages, "configured", MinimalPlatform + "\n  prod: { account: \"222222222222\" }\n");

        consumer.Dotnet("build", "-p:TrilhoEnvironments=prod", "-p:TrilhoOutputPath=cfn/").ShouldSucceed();

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(consumer.Directory, "cfn", "prod"), "*.template.json"));
        Assert.False(Directory.Exists(Path.Combine(consumer.Directory, "cfn", "dev")));
        Assert.False(Directory.Exists(consumer.TemplatesFolder));
    }

    [Fact]
    public void Broken_platform_fails_the_build_on_its_line_without_a_generic_tool_error()
    {
        // Line 3 repeats the key of line 2.
        var consumer = new ConsumerProject(packages, "broken", "platform: broken\nregion: us-east-1\nregion: sa-east-1\n");

        var build = consumer.Dotnet("build");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"platform\.yaml\(3,1\): error TRL1\d{3}: ", build.Output);
        Assert.DoesNotContain("MSB6006", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRL9001", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(consumer.TemplatesFolder) && Directory.EnumerateFiles(consumer.TemplatesFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Build_without_node_on_path_fails_with_trl9003_not_the_generic_trl9001()
    {
        var consumer = new ConsumerProject(packages, "nonode", MinimalPlatform);
        var noNode = System.IO.Directory.CreateDirectory(Path.Combine(consumer.Directory, "no-node")).FullName;

        var build = consumer.DotnetWithPath(noNode, "build");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error TRL9003: Node.js 20 or later is required on PATH", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRL9001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiler_warning_is_a_coded_msbuild_warning_that_warnaserror_turns_into_an_error()
    {
        // No catalog diagnostic is a warning yet, so a stand-in compiler prints one: what is under test is the build side.
        var fake = Directory.CreateDirectory(Path.Combine(packages.Root, "fake-compiler")).FullName;
        File.WriteAllText(Path.Combine(fake, "fake.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><AssemblyName>trilho</AssemblyName></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(fake, "Program.cs"), """System.Console.WriteLine(args[1] + "(7,3): warning TRL2101: scale.max is high.");""");
        Infrastructure.Dotnet.Run(fake, null, "build", "-o", Path.Combine(fake, "out")).ShouldSucceed();
        var consumer = new ConsumerProject(packages, "warning", MinimalPlatform);
        var useFake = $"-p:_TrilhoCompilerDirectory={Path.Combine(fake, "out")}/";

        var warned = consumer.Dotnet("build", useFake).ShouldSucceed();
        Assert.Contains("platform.yaml(7,3): warning TRL2101: scale.max is high.", warned.Output, StringComparison.Ordinal);

        var failed = consumer.Dotnet("build", useFake, "--no-incremental", "-warnaserror:TRL2101");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("platform.yaml(7,3): error TRL2101: scale.max is high.", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_project_builds_without_a_platform_file()
    {
        var consumer = new ConsumerProject(packages, "disabled", MinimalPlatform);
        File.Delete(consumer.PlatformFile);

        var enabled = consumer.Dotnet("build");
        Assert.NotEqual(0, enabled.ExitCode);
        Assert.Contains("error TRL9002", enabled.Output, StringComparison.Ordinal);

        consumer.Dotnet("build", "-p:TrilhoEnabled=false").ShouldSucceed();
        Assert.False(Directory.Exists(consumer.TemplatesFolder));
    }

    [Fact]
    public void TrilhoExtension_item_applies_the_sample_extension_and_a_rebuilt_extension_reruns_the_compiler()
    {
        // The sample extension, built with the test project as a user builds it; it adds its bucket to the app "backend".
        var extension = Repository.Path($"samples/extension/bin/{Repository.Configuration}/net10.0/Desafio.Extensions.dll");
        Assert.True(File.Exists(extension), "build samples/extension first: " + extension);
        var consumer = new ConsumerProject(packages, "extended", MinimalPlatform.Replace("api: { type: api", "backend: { type: api", StringComparison.Ordinal));
        var project = Path.Combine(consumer.Directory, "extended.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
              <ItemGroup>
                <TrilhoExtension Include="{extension}" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        consumer.Dotnet("build").ShouldSucceed();

        var backend = Path.Combine(consumer.TemplatesFolder, "dev", "minimal-dev-app-backend.template.json");
        using (var template = System.Text.Json.JsonDocument.Parse(File.ReadAllText(backend)))
        {
            Assert.Single(template.RootElement.GetProperty("Resources").EnumerateObject(), r =>
                r.Value.GetProperty("Type").GetString() == "AWS::S3::Bucket" && r.Name.StartsWith(Desafio.Extensions.AuditExportBucket.ConstructId, StringComparison.Ordinal));
        }

        Assert.Contains("Skipping target \"TrilhoCompile\" because all output files are up-to-date", consumer.Dotnet("build", "-v:detailed").ShouldSucceed().Output, StringComparison.Ordinal);

        // A rebuilt extension is newer than the stamp: the compiler runs again. Restored afterwards, the sample stays as built.
        var built = File.GetLastWriteTimeUtc(extension);
        try
        {
            File.SetLastWriteTimeUtc(extension, DateTime.UtcNow.AddSeconds(2));
            Assert.DoesNotContain("Skipping target \"TrilhoCompile\"", consumer.Dotnet("build", "-v:detailed").ShouldSucceed().Output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetLastWriteTimeUtc(extension, built);
        }
    }

    [Fact]
    public void Extension_project_references_are_built_first_and_applied_and_a_changed_extension_reruns_the_compiler()
    {
        // An extension project of the team's own, outside the consumer (which restores only from the local feed).
        var revision = Directory.CreateDirectory(Path.Combine(packages.Root, "revision-extension")).FullName;
        File.WriteAllText(Path.Combine(revision, "Revision.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="{Repository.Path("src/Compiler/Compiler.csproj")}" /></ItemGroup>
            </Project>
            """);
        var source = Path.Combine(revision, "Revision.cs");
        File.WriteAllText(source, RevisionExtension("v1"));
        Infrastructure.Dotnet.Run(revision, null, "restore").ShouldSucceed();
        var consumer = new ConsumerProject(packages, "extprojects", MinimalPlatform.Replace("api: { type: api", "backend: { type: api", StringComparison.Ordinal));
        var project = Path.Combine(consumer.Directory, "extprojects.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
              <ItemGroup>
                <ProjectReference Include="{Repository.Path("samples/extension/Desafio.Extensions.csproj")}" OutputItemType="TrilhoExtension" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Path.Combine(revision, "Revision.csproj")}" OutputItemType="TrilhoExtension" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        // The referenced projects were restored with the machine's own settings; the consumer's isolated package folder is for Trilho's packages only.
        consumer.Dotnet("restore", "--no-dependencies").ShouldSucceed();
        string[] build = ["build", "--no-restore", "-c", Repository.Configuration, "-v:detailed"];

        var first = consumer.Dotnet(build).ShouldSucceed();

        Assert.True(File.Exists(Path.Combine(revision, "bin", Repository.Configuration, "net10.0", "Revision.dll")), "the extension project was not built");
        Assert.Equal("v1", RevisionTagOfTheSampleBucket(consumer));
        Assert.Contains("Skipping target \"TrilhoCompile\" because all output files are up-to-date", consumer.Dotnet(build).ShouldSucceed().Output, StringComparison.Ordinal);

        File.WriteAllText(source, RevisionExtension("v2"));
        var changed = consumer.Dotnet(build).ShouldSucceed();

        Assert.DoesNotContain("Skipping target \"TrilhoCompile\"", changed.Output, StringComparison.Ordinal);
        Assert.Equal("v2", RevisionTagOfTheSampleBucket(consumer));
        Assert.Contains("trilho: minimal-dev", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrilhoExtension_item_that_cannot_be_used_fails_the_build_with_trl9004_naming_it()
    {
        var consumer = new ConsumerProject(packages, "badextension", MinimalPlatform);
        var project = Path.Combine(consumer.Directory, "badextension.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", """
              <ItemGroup>
                <TrilhoExtension Include="ext/Missing.dll" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        var build = consumer.Dotnet("build");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"error TRL9004: extension {Path.Combine(consumer.Directory, "ext", "Missing.dll")} cannot be used: file not found.", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRL9001", build.Output, StringComparison.Ordinal);
    }

    /// <summary>An extension that tags every resource with <c>trilho-revision</c>: editing the value is a changed extension.</summary>
    private static string RevisionExtension(string value) => $$"""
        namespace Revision;

        public sealed class RevisionTag : Trilho.Compiler.Extensibility.IPlatformExtension
        {
            public void Extend(Trilho.Compiler.Extensibility.ExtensionContext context)
            {
                foreach (var stack in context.Stacks.Values)
                {
                    Amazon.CDK.Tags.Of(stack).Add("trilho-revision", "{{value}}");
                }
            }
        }
        """;

    /// <summary>The <c>trilho-revision</c> tag of the bucket samples/extension adds to the backend stack, so both extensions ran.</summary>
    private static string? RevisionTagOfTheSampleBucket(ConsumerProject consumer)
    {
        var backend = Path.Combine(consumer.TemplatesFolder, "dev", "minimal-dev-app-backend.template.json");
        using var template = System.Text.Json.JsonDocument.Parse(File.ReadAllText(backend));
        var bucket = Assert.Single(template.RootElement.GetProperty("Resources").EnumerateObject(), r =>
            r.Value.GetProperty("Type").GetString() == "AWS::S3::Bucket" && r.Name.StartsWith(Desafio.Extensions.AuditExportBucket.ConstructId, StringComparison.Ordinal));
        return bucket.Value.GetProperty("Properties").GetProperty("Tags").EnumerateArray()
            .SingleOrDefault(t => t.GetProperty("Key").GetString() == "trilho-revision") is { ValueKind: System.Text.Json.JsonValueKind.Object } tag
            ? tag.GetProperty("Value").GetString()
            : null;
    }
}
