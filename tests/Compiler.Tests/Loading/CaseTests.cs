namespace Trilho.Compiler.Tests.Loading;

/// <summary>Broken inputs on disk, each with the exact diagnostics expected: Cases/&lt;name&gt;/platform.yaml and expected.txt.</summary>
public class CaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repository.PathOf("tests", "Compiler.Tests", "Cases")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_exactly_the_expected_diagnostics(string name)
    {
        var dir = Repository.PathOf("tests", "Compiler.Tests", "Cases", name);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected.txt")).Where(l => l.Length > 0);
        var result = FrontEnd.Analyze("platform.yaml", File.ReadAllText(Path.Combine(dir, "platform.yaml")));
        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToCanonicalString()));
        Assert.True(result.HasErrors);
        Assert.Null(result.Platform);
    }

    [Fact]
    public void Every_catalog_id_has_a_case_except_the_schema_fallback()
    {
        var expected = Directory.GetFiles(Repository.PathOf("tests", "Compiler.Tests", "Cases"), "expected.txt", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Aggregate(string.Empty, string.Concat);

        // TRL1100 is the safety net for schema keywords without their own message; no current keyword reaches it.
        var missing = Catalog.Ids().Where(id => id != "TRL1100" && !expected.Contains($" {id}: ", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
