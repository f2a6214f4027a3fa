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

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_exits_0_and_lists_the_commands(string flag)
    {
        var (code, output, _) = Run(flag);
        Assert.Equal(0, code);
        Assert.Contains("deploy <dir>/<env>", output, StringComparison.Ordinal);
        Assert.Contains("init [<folder>]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deploy", "--dry-run")]
    [InlineData("push-image", "--tag <tag>")]
    [InlineData("publish-static", "dotfiles")]
    [InlineData("init", "never overwritten")]
    public void Each_delivery_command_has_its_help(string command, string mentions)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains(mentions, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_tools_version() => Assert.Matches(@"^trilho \d+\.\d+\.\d+", Run("--version").Out);

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
    public void Compile_without_out_says_what_is_missing()
    {
        var (code, _, error) = Run("compile", Repository.PathOf("samples", "minimal", "platform.yaml"));
        Assert.Equal(2, code);
        Assert.StartsWith("trilho compile: error: missing --out <dir>", error, StringComparison.Ordinal);
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
}
