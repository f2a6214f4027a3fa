using Trilho.Compiler.Cli;

namespace Trilho.Compiler.Tests.Costs;

public class CostCommandTests
{
    [Fact]
    public void Cost_prints_a_table_and_a_summary_line_per_environment()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = global::Trilho.Compiler.Cli.Cli.Run(["cost", CostTestData.SamplePath], stdout, stderr);

        Assert.Equal(0, exit);
        var output = stdout.ToString();
        Assert.Contains("desafio-dev (sa-east-1): estimated USD ", output, StringComparison.Ordinal);
        Assert.Contains("desafio-prod (sa-east-1): estimated USD ", output, StringComparison.Ordinal);
        Assert.Contains("| Group | Item |", output, StringComparison.Ordinal);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void Cost_of_a_missing_file_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, global::Trilho.Compiler.Cli.Cli.Run(["cost", "no-such-platform.yaml"], stdout, stderr));
        Assert.Contains("file not found", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_with_an_unknown_option_names_it_and_points_at_the_help()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, global::Trilho.Compiler.Cli.Cli.Run(["cost", CostTestData.SamplePath, "--bogus"], stdout, stderr));
        Assert.Contains("trilho cost: error: Unrecognized command or argument '--bogus'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("trilho cost --help", stderr.ToString(), StringComparison.Ordinal);
    }
}
