namespace Trilho.Compiler.Tests.Validation;

public class SampleTests
{
    [Theory]
    [InlineData("desafio-aws")]
    [InlineData("minimal")]
    public void Sample_checks_clean_and_points_editors_at_the_schema(string sample)
    {
        var path = Repository.PathOf("samples", sample, "platform.yaml");
        var result = FrontEnd.AnalyzeFile(path);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Platform);
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/platform.schema.json", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_path_does_not_load_cdk()
    {
        FrontEnd.AnalyzeFile(Repository.PathOf("samples", "desafio-aws", "platform.yaml"));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("Amazon.CDK", StringComparison.Ordinal) || a.GetName().Name == "Amazon.JSII.Runtime");
    }
}
