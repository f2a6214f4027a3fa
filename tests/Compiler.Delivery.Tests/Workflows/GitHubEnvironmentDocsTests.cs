using System.Text.RegularExpressions;
using Trilho.Compiler.Cli.Init;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>The GitHub environments the docs tell a user to create are those the generated workflows name.</summary>
public sealed partial class GitHubEnvironmentDocsTests
{
    [Fact]
    public void Getting_started_lists_the_environments_trilho_init_generates_for_its_example()
    {
        var doc = File.ReadAllText(Trilho.Testing.RepositoryRoot.Combine("docs", "getting-started.md"));
        var example = YamlBlock().Matches(doc).Select(m => m.Groups[1].Value).First(b => b.Contains("platform: ", StringComparison.Ordinal));
        var (platform, _) = Platforms.Load(example);
        var expected = WorkflowTemplates.GitHubEnvironments(platform);
        Assert.NotEmpty(expected);
        // The generator itself, without init's check that the example's source folders exist.
        var workflows = platform.Environments[0].Apps.Select(a => a.Team).Distinct(StringComparer.Ordinal)
            .Select(team => WorkflowTemplates.Team(platform, team, "platform.yaml"))
            .Prepend(WorkflowTemplates.Platform(platform, "platform.yaml"))
            .Select((text, i) => Workflow.Parse($"workflow{i}.yml", text));
        var generated = workflows.SelectMany(w => w.Jobs).Select(j => j.Environment).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), generated.Order(StringComparer.Ordinal));
        Assert.Equal(expected, Listed(doc, "Create these GitHub environments:"));
    }

    [Fact]
    public void Delivery_lists_the_environments_of_the_sample()
    {
        var doc = File.ReadAllText(Trilho.Testing.RepositoryRoot.Combine("docs", "delivery.md"));
        var (platform, _) = Platforms.Load(Platforms.Sample());
        var generated = WorkflowSets.Get(WorkflowSets.Sample).SelectMany(w => w.Jobs).Select(j => j.Environment).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(WorkflowTemplates.GitHubEnvironments(platform).Order(StringComparer.Ordinal), generated.Order(StringComparer.Ordinal));
        Assert.Equal(WorkflowTemplates.GitHubEnvironments(platform), Listed(doc, "The sample's environments are"));
    }

    /// <summary>The backticked names in the paragraph that starts with <paramref name="lead"/>.</summary>
    private static List<string> Listed(string doc, string lead)
    {
        var start = doc.IndexOf(lead, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no paragraph starting '{lead}'");
        var end = doc.IndexOf("\n\n", start, StringComparison.Ordinal);
        return Code().Matches(doc[start..(end < 0 ? doc.Length : end)]).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
