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
    public void Every_front_end_id_has_a_case_except_the_schema_fallback()
    {
        var expected = Directory.GetFiles(Repository.PathOf("tests", "Compiler.Tests", "Cases"), "expected.txt", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Aggregate(string.Empty, string.Concat);

        // TRL1100 is the safety net for schema keywords without their own message; no current keyword reaches it.
        // TRL4xxx (emit) and TRL5xxx (cost) come after the front end and are tested where they are raised.
        // TRL2049 looks for files beside platform.yaml, so it needs a file on disk: Validation/SourceRulesTests.
        var frontEndIds = Catalog.Ids().Where(id => id[3] is '1' or '2' or '3' && id != "TRL1100" && id != "TRL2049");
        var missing = frontEndIds.Where(id => !expected.Contains($" {id}: ", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
