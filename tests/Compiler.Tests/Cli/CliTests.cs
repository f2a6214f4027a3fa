using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Compiler.Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_of_the_sample_exits_0_and_says_what_it_checked()
    {
        var file = Repository.PathOf("samples", "desafio-aws", "platform.yaml");
        Assert.Equal((0, $"trilho: {file} is valid: platform desafio, 2 apps, 3 teams, environments dev, prod\n", string.Empty), Run("check", file));
    }

    private static readonly string[] AllCommands = ["check", "compile", "cost", "diagram", "schema", "init", "deploy", "push-image", "publish-static", "plan-env", "diff"];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData]
    public void Help_exits_0_and_lists_every_command_with_a_description(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal((0, string.Empty), (code, error));
        var commands = Rows(output, "Commands:");
        Assert.Equal(AllCommands, commands.Select(row => row.Label.Split(' ')[0]));
        Assert.All(commands, row => Assert.False(string.IsNullOrWhiteSpace(row.Description), row.Label));
    }

    [Fact]
    public void Every_command_has_help_that_describes_each_argument_and_option()
    {
        var listed = Rows(Run("--help").Out, "Commands:").Select(row => row.Label.Split(' ')[0]).ToList();
        Assert.NotEmpty(listed);
        foreach (var command in listed)
        {
            var (code, output, error) = Run(command, "--help");
            Assert.True(code == 0 && error.Length == 0, $"{command} --help: exit {code} {error}");
            Assert.Contains($"Usage:\n  trilho {command}", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            var rows = Rows(output, "Arguments:").Concat(Rows(output, "Options:")).ToList();
            Assert.Contains(rows, row => row.Label.Contains("--help", StringComparison.Ordinal));
            Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row.Description), $"{command}: {row.Label} has no description"));
        }
    }

    [Theory]
    [InlineData("compile", "--out <dir> (REQUIRED)")]
    [InlineData("compile", "--env <name>")]
    [InlineData("compile", "--workers <n>")]
    [InlineData("compile", "--cache <dir>")]
    [InlineData("compile", "--no-cache")]
    [InlineData("diagram", "--markdown <file.md>")]
    [InlineData("cost", "--compare <dir>")]
    [InlineData("deploy", "--dry-run")]
    [InlineData("deploy", "--image-tag <app=tag>")]
    [InlineData("push-image", "--tag <tag> (REQUIRED)")]
    [InlineData("publish-static", "--app <app> (REQUIRED)")]
    [InlineData("init", "--platform <name>")]
    public void A_commands_help_lists_its_options(string command, string option) =>
        Assert.Contains(Rows(Run(command, "--help").Out, "Options:"), row => row.Label == option);

    [Theory]
    [InlineData("publish-static", "dotfiles")]
    [InlineData("init", "never overwritten")]
    public void A_commands_help_says_what_it_does(string command, string mentions) =>
        Assert.Contains(mentions, Run(command, "--help").Out, StringComparison.Ordinal);

    [Fact]
    public void Version_prints_the_informational_version()
    {
        var version = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(Compiler.Cli.Cli).Assembly)!.InformationalVersion;
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        Assert.Equal((0, $"trilho {version}\n", string.Empty), Run("--version"));
    }

    [Fact]
    public void Diagram_writes_a_markdown_file_with_the_fenced_mermaid_block()
    {
        var environment = Repository.PathOf("tests", "Compiler.Tests", "Diagrams", "fake-env");
        var file = Path.Combine(Directory.CreateTempSubdirectory("trilho-diagram-md-").FullName, "architecture.md");
        try
        {
            Assert.Equal((0, $"wrote {file}\n", string.Empty), Run("diagram", environment, "--markdown", file));
            var expected = File.ReadAllText(Path.Combine(environment, "expected.mmd")).ReplaceLineEndings("\n").TrimEnd('\n');
            Assert.Equal($"```mermaid\n{expected}\n```\n", File.ReadAllText(file));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void Compile_without_out_says_what_is_missing_and_exits_2()
    {
        var (code, output, error) = Run("compile", Repository.PathOf("samples", "minimal", "platform.yaml"));
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal(["trilho compile: error: Option '--out' is required.", "Run 'trilho compile --help' for its arguments and options."], Lines(error));
    }

    [Fact]
    public void Compile_with_no_workers_is_a_usage_error_before_CDK_starts()
    {
        var (code, output, error) = Run("compile", Repository.PathOf("samples", "minimal", "platform.yaml"), "--out", Path.Combine(Path.GetTempPath(), "trilho-no-workers"), "--workers", "0");
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal(["trilho: error: --workers must be 1 or more, not 0"], Lines(error));
    }

    [Theory]
    [InlineData("check", "<platform.yaml>")]
    [InlineData("deploy", "<out/env>")]
    [InlineData("push-image", "<platform.yaml>")]
    public void A_missing_argument_is_named(string command, string argument)
    {
        var (code, _, error) = Run(command);
        Assert.Equal(2, code);
        Assert.Contains($"trilho {command}: error: missing {argument}", Lines(error));
    }

    [Fact]
    public void An_unknown_option_is_an_error_with_a_suggestion()
    {
        var (code, output, error) = Run("compile", "platform.yaml", "--out", "out", "--ennv", "dev");
        Assert.Equal((2, string.Empty), (code, output));
        var lines = Lines(error);
        Assert.Contains("trilho compile: error: Unrecognized command or argument '--ennv'.", lines);
        var suggestion = lines.IndexOf("'--ennv' was not matched. Did you mean one of the following?");
        Assert.True(suggestion >= 0, error);
        Assert.Equal("  --env", lines[suggestion + 1]);
    }

    [Fact]
    public void An_unknown_command_is_an_error_with_a_suggestion()
    {
        var (code, _, error) = Run("compil", "x");
        Assert.Equal(2, code);
        var lines = Lines(error);
        Assert.Equal("trilho: error: Unrecognized command or argument 'compil'.", lines[0]);
        Assert.Equal("  compile", lines[lines.IndexOf("'compil' was not matched. Did you mean one of the following?") + 1]);
        // System.CommandLine offers -h for the stray 'x'; an option is no correction of an argument.
        Assert.DoesNotContain("'x' was not matched. Did you mean one of the following?", lines);
        Assert.DoesNotContain("  -h", lines);
    }

    [Theory]
    [InlineData("--out", "{0}", "--env", "nope")]
    [InlineData("--env", "nope", "--out", "{0}")]
    public void Compile_takes_out_and_env_in_either_order_as_the_msbuild_task_passes_them(string first, string firstValue, string second, string secondValue)
    {
        // An environment the file lacks stops compile after parsing and before CDK starts.
        var output = Path.Combine(Path.GetTempPath(), "trilho-cli-" + Guid.NewGuid().ToString("N"));
        var file = Repository.PathOf("samples", "minimal", "platform.yaml");
        var (code, _, error) = Run("compile", file, first, string.Format(System.Globalization.CultureInfo.InvariantCulture, firstValue, output), second, string.Format(System.Globalization.CultureInfo.InvariantCulture, secondValue, output));
        Assert.Equal((2, $"trilho: error: no environment named 'nope' in {file}\n"), (code, error));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Check_through_the_command_line_loads_no_cdk_assembly()
    {
        Assert.Equal(0, Run("check", Repository.PathOf("samples", "desafio-aws", "platform.yaml")).Code);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("Amazon.CDK", StringComparison.Ordinal) || a.GetName().Name == "Amazon.JSII.Runtime");
    }

    [Fact]
    public void Check_of_a_broken_file_exits_1_with_canonical_lines()
    {
        var (code, output, _) = Run("check", Repository.PathOf("tests", "Compiler.Tests", "Cases", "many-errors-in-one-run", "platform.yaml"));
        Assert.Equal(1, code);
        Assert.Equal(4, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("platform.yaml(10,11): error TRL2001: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_prints_the_generated_schema() =>
        Assert.Equal((0, SchemaGenerator.GenerateText()), (Run("schema").Code, Run("schema").Out));

    [Fact]
    public void Missing_file_exits_2() => Assert.Equal(2, Run("check", "/nonexistent/platform.yaml").Code);

    [Fact]
    public void Diff_without_two_compiled_folders_is_a_usage_error()
    {
        var folder = Directory.CreateTempSubdirectory("trilho-diff-usage-").FullName;
        try
        {
            Assert.Equal(2, Run("diff", folder).Code);
            var (code, _, error) = Run("diff", folder, folder);
            Assert.Equal(2, code);
            Assert.Contains($"no deploy-plan.json in {folder}", error, StringComparison.Ordinal);
            var (help, text, _) = Run("diff", "--help");
            Assert.Equal(0, help);
            Assert.Contains("acknowledgedReplacements", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The two-column rows (label, description) of one section of System.CommandLine's help.</summary>
    private static List<(string Label, string Description)> Rows(string help, string section)
    {
        var rows = new List<(string, string)>();
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, section);
        for (var i = start + 1; start >= 0 && i < lines.Length && lines[i].Length > 0; i++)
        {
            // A row starts two spaces in; a wrapped description continues further in.
            var match = System.Text.RegularExpressions.Regex.Match(lines[i], @"^  (\S.*?)(?:\s{2,}(\S.*))?$");
            if (match.Success)
            {
                rows.Add((match.Groups[1].Value, match.Groups[2].Value));
            }
        }

        return rows;
    }
}
