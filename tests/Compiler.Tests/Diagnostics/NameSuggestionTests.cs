using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Tests.Diagnostics;

public class NameSuggestionTests
{
    [Theory]
    [InlineData("prot", "port")]
    [InlineData("phnoe", "phone")]
    [InlineData("backedn", "backend")]
    [InlineData("Port", "port")]
    [InlineData("helthCheck", "healthCheck")]
    public void Suggests_the_close_name(string typo, string expected) =>
        Assert.Equal(expected, NameSuggestion.Closest(typo, ["port", "phone", "backend", "healthCheck", "path"]));

    [Theory]
    [InlineData("database")]
    [InlineData("x")]
    public void Suggests_nothing_when_no_name_is_close(string name) =>
        Assert.Null(NameSuggestion.Closest(name, ["port", "path"]));

    [Fact]
    public void Counts_an_adjacent_swap_as_one_edit() => Assert.Equal(1, NameSuggestion.Distance("ab", "ba"));
}
