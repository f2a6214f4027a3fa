using System.Text.RegularExpressions;

namespace Trilho.Compiler.Tests.Diagnostics;

public partial class CatalogTests
{
    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Catalog.Ids();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^TRL[1-69][0-9]{3}$", id));
    }

    [Fact]
    public void Docs_list_every_catalog_id_and_no_other()
    {
        var docs = File.ReadAllText(Repository.PathOf("docs", "diagnostics.md"));
        var documented = DocumentedId().Matches(docs).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(Catalog.Ids().Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_id_used_in_src_is_in_the_catalog()
    {
        var used = Directory.GetFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => UsedId().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Subset(Catalog.Ids().ToHashSet(), used);
    }

    [GeneratedRegex(@"^\| (TRL[0-9]{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedId();

    [GeneratedRegex("\"(TRL[0-9]{4})\"")]
    private static partial Regex UsedId();
}
