using System.Text.RegularExpressions;

namespace Trilho.Compiler.Tests.Docs;

/// <summary>Every relative link in the repository's Markdown points at a file or folder that exists.</summary>
public partial class DocumentationLinkTests
{
    private static readonly string[] GeneratedFolders = ["node_modules", "bin", "obj", ".git"];

    public static TheoryData<string> MarkdownFiles() => new(Files());

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Intersect(GeneratedFolders).Any())
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_resolve(string markdownFile)
    {
        var path = Repository.PathOf(markdownFile);
        var text = InlineCode().Replace(FencedCode().Replace(File.ReadAllText(path), string.Empty), string.Empty);
        var broken = Link().Matches(text)
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0])
            .Where(target => target.Length > 0)
            .Where(target => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)))
            .ToList();
        Assert.True(broken.Count == 0, $"{markdownFile} links to missing files: {string.Join(", ", broken)}");
    }

    [Fact]
    public void The_repository_has_markdown_to_check() => Assert.Contains("README.md", Files());

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex InlineCode();
}
