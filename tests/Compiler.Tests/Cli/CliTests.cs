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
    public void Check_of_the_sample_exits_0_silently() =>
        Assert.Equal((0, string.Empty, string.Empty), Run("check", Repository.PathOf("samples", "desafio-aws", "platform.yaml")));

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
}
