using System.Text.RegularExpressions;
using Trilho.Compiler.Cli.Init;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// A job that can mint an AWS token runs only code fixed by commit: a tag can be moved to other code by whoever
/// controls the action's repository (GitHub, "Security hardening for GitHub Actions": pinning to a full-length
/// commit SHA is the only way to use an action as an immutable release). The jobs whose output such a job
/// deploys (the templates artifact) are held to the same rule, so the whole deploying workflow is pinned. The rules
/// hold for this repository's workflows and for those <c>trilho init</c> generates, and both use the commits of
/// <see cref="PinnedActions"/>.
/// </summary>
public sealed partial class ActionPinningTests
{
    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void Every_action_of_a_workflow_that_deploys_is_pinned_by_full_commit_sha_with_its_tag_in_a_comment(string set)
    {
        var deploying = WorkflowSets.Get(set).Where(w => w.Jobs.Any(j => j.IdTokenWrite)).ToList();
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

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void Workflows_without_AWS_access_are_pinned_too(string set)
    {
        var tagged = WorkflowSets.Get(set).SelectMany(w => w.Jobs).SelectMany(j => j.Uses.Select(u => (j, u)))
            .Where(x => !x.u.Reference.StartsWith("./", StringComparison.Ordinal) && !Pinned().IsMatch(x.u.Reference))
            .Select(x => $"{x.j.Workflow}:{x.u.Line} uses {x.u.Reference}")
            .ToList();
        Assert.True(tagged.Count == 0, string.Join("\n", tagged));
    }

    [Fact]
    public void One_action_release_is_pinned_to_one_commit_everywhere()
    {
        var pins = WorkflowSets.All.SelectMany(WorkflowSets.Get).SelectMany(w => w.Jobs).SelectMany(j => j.Uses)
            .Where(u => Pinned().IsMatch(u.Reference))
            .GroupBy(u => (Action: u.Reference.Split('@')[0], Tag: u.LineComment))
            .Where(g => g.Select(u => u.Reference).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key.Action} {g.Key.Tag}: {string.Join(", ", g.Select(u => u.Reference).Distinct(StringComparer.Ordinal))}")
            .ToList();
        Assert.True(pins.Count == 0, "one tag, several commits:\n" + string.Join("\n", pins));
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void Every_action_is_the_commit_and_release_of_the_pinned_actions_table(string set)
    {
        // One source of truth: updating an action here without updating PinnedActions (or the reverse) would give
        // users of trilho init other code than this repository runs.
        var table = PinnedActions.All.ToDictionary(p => p.Action, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var job in WorkflowSets.Get(set).SelectMany(w => w.Jobs))
        {
            foreach (var use in job.Uses.Where(u => !u.Reference.StartsWith("./", StringComparison.Ordinal)))
            {
                var action = use.Reference.Split('@')[0];
                if (!table.TryGetValue(action, out var pin))
                {
                    problems.Add($"{job.Workflow}:{use.Line} uses {action}, which PinnedActions does not list");
                }
                else if (use.Reference != pin.Reference || use.LineComment.Split(' ')[0] != pin.Release)
                {
                    problems.Add($"{job.Workflow}:{use.Line} uses {use.Reference} # {use.LineComment}; PinnedActions has {pin.Uses}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex Pinned();

    [GeneratedRegex(@"^v\d+\.\d+\.\d+\b")]
    private static partial Regex Tag();
}
