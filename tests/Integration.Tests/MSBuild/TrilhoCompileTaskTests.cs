using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Trilho.Compiler.MSBuild;

namespace Trilho.Integration.Tests.MSBuild;

/// <summary>
/// The task against a fake compiler (a shell script standing in for dotnet), so each output shape is
/// checked without Node.js: how lines become MSBuild events, and that no generic error is added.
/// </summary>
public sealed class TrilhoCompileTaskTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trilho-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Located_error_becomes_an_msbuild_error_with_code_and_position_resolved_against_the_project()
    {
        var task = TaskRunning("echo 'platform.yaml(14,11): error TRL2001: team x is not declared: add it under teams.'; exit 1");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("TRL2001", error.Code);
        Assert.Equal(Path.Combine(_directory, "platform.yaml"), error.File);
        Assert.Equal(14, error.LineNumber);
        Assert.Equal(11, error.ColumnNumber);
        Assert.Equal("team x is not declared: add it under teams.", error.Message);
    }

    [Fact]
    public void Warning_becomes_an_msbuild_warning_and_the_build_goes_on()
    {
        var task = TaskRunning("echo 'platform.yaml(3,5): warning TRL2101: scale.max is high: check the bill.'; exit 0");

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("TRL2101", warning.Code);
        Assert.Equal(3, warning.LineNumber);
        Assert.Equal(5, warning.ColumnNumber);
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Diagnostic_without_location_points_at_the_platform_file()
    {
        var task = TaskRunning("echo 'trilho: error TRL4001: synthesis failed: jsii could not start.'; exit 1");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("TRL4001", error.Code);
        Assert.Equal(Path.Combine(_directory, "platform.yaml"), error.File);
    }

    [Fact]
    public void Failure_without_a_diagnostic_reports_the_exit_code_and_last_output_not_msb6006()
    {
        var task = TaskRunning("echo 'trilho: internal error: node not found' >&2; exit 2");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("TRL9001", error.Code);
        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("node not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiler_gets_its_arguments_and_a_quiet_jsii()
    {
        var task = TaskRunning("echo \"args: $*\"; echo \"jsii: $JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION\"");

        Assert.True(task.Execute());

        var output = string.Join('\n', _engine.Messages.Select(m => m.Message));
        Assert.Contains($"args: {Path.Combine(_directory, "tools", "trilho.dll")} compile {Path.Combine(_directory, "platform.yaml")} --out {Path.Combine(_directory, "out")} --no-cache", output, StringComparison.Ordinal);
        Assert.Contains("jsii: 20", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiler_gets_the_cache_folder_resolved_against_the_project()
    {
        var task = TaskRunning("echo \"args: $*\"");
        task.CacheDirectory = Path.Combine("obj", "trilho", "cache");

        Assert.True(task.Execute());

        var output = string.Join('\n', _engine.Messages.Select(m => m.Message));
        Assert.Contains($"--out {Path.Combine(_directory, "out")} --cache {Path.Combine(_directory, "obj", "trilho", "cache")}", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// MSBuild's console loggers show high-importance messages at minimal verbosity (dotnet build's default) and
    /// normal ones only from -v:n; the command line is a <see cref="TaskCommandLineEventArgs"/>, shown from -v:n
    /// only when its importance allows, so it must not be high.
    /// </summary>
    [Fact]
    public void Cost_summary_shows_at_default_verbosity_while_the_written_files_and_command_line_do_not()
    {
        var task = TaskRunning("echo 'wrote out/dev/deploy-plan.json'; echo 'trilho: shop-dev (sa-east-1): estimated USD 10.00/month at scale.min, USD 12.00 at scale.max (0 of 3 lines use assumed prices); see cost-estimate.md; wrote 2 stack templates, deploy-plan.json and cost-estimate.json|md to out/dev'");

        Assert.True(task.Execute());

        var summary = Assert.Single(_engine.Messages, m => m.Message?.StartsWith("trilho: shop-dev", StringComparison.Ordinal) == true);
        Assert.Equal(MessageImportance.High, summary.Importance);
        Assert.Equal(MessageImportance.Low, Assert.Single(_engine.Messages, m => m.Message?.StartsWith("wrote ", StringComparison.Ordinal) == true).Importance);
        var commandLine = Assert.Single(_engine.Messages.OfType<TaskCommandLineEventArgs>());
        Assert.Contains("compile", commandLine.CommandLine, StringComparison.Ordinal);
        Assert.Equal(MessageImportance.Low, commandLine.Importance);
        Assert.Single(_engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.Empty(_engine.Warnings);
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Missing_node_reported_by_the_compiler_is_trl9003_not_the_generic_trl9001()
    {
        var task = TaskRunning("echo 'trilho: error TRL9003: Node.js 20 or later is required on PATH: AWS CDK, which writes the templates, runs on it. Install Node.js 20 or later (https://nodejs.org or your package manager), put it on PATH and run again.'; exit 2");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("TRL9003", error.Code);
        Assert.StartsWith("Node.js 20 or later is required on PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_listed_environment_is_compiled_by_its_own_run()
    {
        var task = TaskRunning("echo \"run: $*\"");
        task.Environments = [new TaskItem("dev"), new TaskItem("prod")];

        Assert.True(task.Execute());

        var runs = _engine.Messages.Select(m => m.Message ?? "").Where(m => m.StartsWith("run: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runs.Count);
        Assert.EndsWith("--env dev", runs[0], StringComparison.Ordinal);
        Assert.EndsWith("--env prod", runs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_are_passed_in_item_order_as_extension_options_resolved_against_the_project()
    {
        var task = TaskRunning("for a in \"$@\"; do echo \"arg: $a\"; done");
        var absolute = Path.Combine(_directory, "elsewhere", "Second.dll");
        task.Extensions = [new TaskItem(Path.Combine("ext", "First.dll")), new TaskItem(absolute)];

        Assert.True(task.Execute());

        var arguments = _engine.Messages.Select(m => m.Message ?? "").Where(m => m.StartsWith("arg: ", StringComparison.Ordinal)).Select(m => m["arg: ".Length..]).ToList();
        Assert.Equal(["--extension", Path.Combine(_directory, "ext", "First.dll"), "--extension", absolute], arguments[^4..]);
    }

    [Fact]
    public void Stops_at_the_first_environment_that_fails()
    {
        var task = TaskRunning("echo \"run: $*\"; echo 'platform.yaml(1,1): error TRL2001: bad.'; exit 1");
        task.Environments = [new TaskItem("dev"), new TaskItem("prod")];

        Assert.False(task.Execute());

        Assert.Single(_engine.Messages, m => m.Message?.StartsWith("run: ", StringComparison.Ordinal) == true);
        Assert.Single(_engine.Errors);
    }

    [Fact]
    public void With_a_baseline_each_compiled_environment_is_diffed_and_its_trl6xxx_lines_become_build_diagnostics()
    {
        foreach (var folder in new[] { "baseline/dev", "baseline/prod" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, folder));
            File.WriteAllText(Path.Combine(_directory, folder, "deploy-plan.json"), "{}");
        }

        // The fake compile writes dev and staging (staging is new: the baseline has no staging); the fake diff of dev
        // answers as trilho diff does for a replaced database (exit 1).
        var task = TaskRunning("""
            echo "run: $*"
            if [ "$2" = compile ]; then for e in dev staging; do mkdir -p out/$e; echo '{}' > out/$e/deploy-plan.json; done; exit 0; fi
            echo 'trilho diff: desafio/dev -> desafio/dev'
            echo "trilho: error TRL6001: desafio-dev-shared/DatabaseInstance (AWS::RDS::DBInstance) would be REPLACED: DBInstanceIdentifier changes. Revert the change."
            echo 'trilho: warning TRL6003: desafio-dev-shared/Other (AWS::RDS::DBInstance) may be REPLACED.'
            exit 1
            """);
        task.Baseline = "baseline";

        Assert.False(task.Execute());

        var runs = _engine.Messages.Select(m => m.Message ?? "").Where(m => m.StartsWith("run: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runs.Count);
        Assert.EndsWith($"diff {Path.Combine(_directory, "baseline", "dev")} {Path.Combine(_directory, "out", "dev")}", runs[1], StringComparison.Ordinal);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("TRL6001", error.Code);
        Assert.Equal(Path.Combine(_directory, "platform.yaml"), error.File);
        Assert.Contains("would be REPLACED: DBInstanceIdentifier changes", error.Message, StringComparison.Ordinal);
        Assert.Equal("TRL6003", Assert.Single(_engine.Warnings).Code);
        Assert.Contains(_engine.Messages, m => m.Message?.StartsWith("trilho: staging is not in the baseline", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Without_a_baseline_nothing_is_diffed()
    {
        var task = TaskRunning("echo \"run: $*\"; mkdir -p out/dev; echo '{}' > out/dev/deploy-plan.json");

        Assert.True(task.Execute());

        Assert.Single(_engine.Messages, m => m.Message?.StartsWith("run: ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Dotnet_host_given_by_the_targets_starts_the_compiler()
    {
        // What Visual Studio's MSBuild gets when it does not set DOTNET_HOST_PATH: the targets pass $(NetCoreRoot)dotnet.
        var configured = TaskRunning("echo \"host ran: $*\"");
        var task = new TrilhoCompile
        {
            BuildEngine = _engine,
            DotnetHost = Path.Combine(configured.ToolPath, configured.ToolExe),
            PlatformFile = configured.PlatformFile,
            OutputDirectory = configured.OutputDirectory,
            CompilerDirectory = configured.CompilerDirectory,
            ProjectDirectory = configured.ProjectDirectory,
        };

        Assert.True(task.Execute());

        Assert.Single(_engine.Messages, m => m.Message?.StartsWith("host ran: " + Path.Combine(_directory, "tools", "trilho.dll") + " compile", StringComparison.Ordinal) == true);
    }

    private TrilhoCompile TaskRunning(string script)
    {
        var fake = Path.Combine(_directory, "fake-dotnet.sh");
        File.WriteAllText(fake, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new TrilhoCompile
        {
            BuildEngine = _engine,
            ToolPath = _directory,
            ToolExe = "fake-dotnet.sh",
            PlatformFile = "platform.yaml",
            OutputDirectory = "out",
            CompilerDirectory = Path.Combine(_directory, "tools"),
            ProjectDirectory = _directory,
        };
    }
}
