using System.Text.RegularExpressions;
using Trilho.Compiler.Cli.Delivery;

namespace Trilho.Compiler.Tests.Docs;

/// <summary>docs/delivery.md's table of what publish-static uploads says what the code does.</summary>
public partial class PublishDocsTests
{
    private static List<string[]> Rows()
    {
        var docs = File.ReadAllText(Repository.PathOf("docs", "delivery.md")).ReplaceLineEndings("\n");
        var section = docs[docs.IndexOf("### What publish-static uploads", StringComparison.Ordinal)..];
        return section.Split('\n')
            .SkipWhile(l => !l.StartsWith("| kind |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .ToList();
    }

    [Fact]
    public void The_docs_table_lists_each_cache_rule_with_its_header_and_upload_order()
    {
        var rows = Rows();
        Assert.Equal(CacheRule.All.Select(r => r.Kind), rows.Select(r => r[0]));
        Assert.Equal(CacheRule.All.Select(r => $"`{r.CacheControl}`"), rows.Select(r => r[2]));
        Assert.Equal(["first", "second", "last"], rows.Select(r => r[3]));
    }

    [Fact]
    public void Every_example_file_in_the_docs_table_gets_the_rule_of_its_row()
    {
        foreach (var row in Rows())
        {
            var examples = Example().Matches(row[1]).Select(m => m.Groups[1].Value).Where(e => !e.Contains('*', StringComparison.Ordinal) && !e.EndsWith('/')).ToList();
            Assert.NotEmpty(examples);
            Assert.All(examples, e => Assert.Equal(row[0], CacheRule.For(e).Kind));
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Example();
}
