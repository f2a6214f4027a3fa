using System.Text.RegularExpressions;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// A job that can mint an AWS token runs only code fixed by commit: a tag can be moved to other code by whoever
/// controls the action's repository (GitHub, "Security hardening for GitHub Actions": pinning to a full-length
/// commit SHA is the only way to use an action as an immutable release). The jobs whose output such a job
/// deploys (the templates artifact) are held to the same rule, so the whole deploying workflow is pinned.
/// </summary>
public sealed partial class ActionPinningTests
{
    private static readonly IReadOnlyList<Workflow> All = Workflow.LoadAll();

    [Fact]
    public void Every_action_of_a_workflow_that_deploys_is_pinned_by_full_commit_sha_with_its_tag_in_a_comment()
    {
        var deploying = All.Where(w => w.Jobs.Any(j => j.IdTokenWrite)).ToList();
        Assert.NotEmpty(deploying);
        var problems = new List<string>();
        foreach (var job in deploying.SelectMany(w => w.Jobs))
        {
            foreach (var use in job.Uses.Where(u => !u.Reference.StartsWith("./", StringComparison.Ordinal)))
            {
                if (!Pinned().IsMatch(use.Reference))
                {
                    problems.Add($"{job.Workflow}:{use.Line} ({job.Id}) uses {use.Reference}: not a 40-character commit SHA");
                }
                else if (!Tag().IsMatch(use.LineComment))
                {
                    problems.Add($"{job.Workflow}:{use.Line} ({job.Id}) uses {use.Reference} without '# vX.Y.Z' naming the release");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Workflows_without_AWS_access_are_pinned_too()
    {
        var tagged = All.SelectMany(w => w.Jobs).SelectMany(j => j.Uses.Select(u => (j, u)))
            .Where(x => !x.u.Reference.StartsWith("./", StringComparison.Ordinal) && !Pinned().IsMatch(x.u.Reference))
            .Select(x => $"{x.j.Workflow}:{x.u.Line} uses {x.u.Reference}")
            .ToList();
        Assert.True(tagged.Count == 0, string.Join("\n", tagged));
    }

    [Fact]
    public void One_action_release_is_pinned_to_one_commit_everywhere()
    {
        var pins = All.SelectMany(w => w.Jobs).SelectMany(j => j.Uses)
            .Where(u => Pinned().IsMatch(u.Reference))
            .GroupBy(u => (Action: u.Reference.Split('@')[0], Tag: u.LineComment))
            .Where(g => g.Select(u => u.Reference).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key.Action} {g.Key.Tag}: {string.Join(", ", g.Select(u => u.Reference).Distinct(StringComparer.Ordinal))}")
            .ToList();
        Assert.True(pins.Count == 0, "one tag, several commits:\n" + string.Join("\n", pins));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex Pinned();

    [GeneratedRegex(@"^v\d+\.\d+\.\d+\b")]
    private static partial Regex Tag();
}
