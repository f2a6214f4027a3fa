namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// The repository's workflows and those <c>trilho init</c> generates (<see cref="WorkflowSets"/>), parsed and run through GitHub's concurrency rules
/// (https://docs.github.com/en/actions/using-jobs/using-concurrency): dev keeps flowing while a prod job waits for
/// approval, no deploy is cancelled except by a newer deploy of the same stage and stack, and one stage's stack is
/// deployed by one job at a time. Environment names matter only as far as a <c>prod</c> part marks an approval.
/// </summary>
public sealed class WorkflowConcurrencyTests
{
    private static IEnumerable<(Workflow Workflow, WorkflowJob Job)> DeployJobs(string set) =>
        WorkflowSets.Get(set).SelectMany(w => w.Jobs.Where(j => j.Deploys).Select(j => (w, j)));

    // Deploys take a while (several ticks) and pushes come faster than a deploy plus its approval.
    private static ConcurrencySimulator ThreePushesNoReviewer(string set) =>
        new ConcurrencySimulator(WorkflowSets.Get(set)).Push(pushes: 3, interval: 8, duration: j => j.Deploys ? 4 : 1);

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void The_workflows_are_found_and_some_jobs_deploy_with_and_without_approval(string set)
    {
        Assert.Contains(DeployJobs(set), d => DeployTarget.Of(d.Job, d.Workflow).EndsWith("-platform", StringComparison.Ordinal));
        Assert.Contains(DeployJobs(set), d => DeployTarget.Of(d.Job, d.Workflow).Contains("-app-", StringComparison.Ordinal));
        Assert.Contains(DeployJobs(set), d => d.Job.NeedsApproval);
        Assert.Contains(DeployJobs(set), d => !d.Job.NeedsApproval);
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void A_workflow_that_deploys_or_waits_for_approval_has_no_workflow_level_group(string set)
    {
        // A run is in progress while its prod job waits: a workflow-level group would hold every later run. Deploys
        // lock their own stage and stack at job level, so a workflow-level group on a deploying workflow adds only that.
        var all = WorkflowSets.Get(set);
        var offending = all.Where(w => w.Jobs.Any(j => j.NeedsApproval || j.Deploys) && w.Concurrency is not null).Select(w => w.File).ToList();
        Assert.True(offending.Count == 0, "workflow-level concurrency on: " + string.Join(", ", offending));
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void Every_deploy_job_queues_in_the_group_of_the_stage_and_stack_it_deploys_and_is_never_cancelled_in_progress(string set)
    {
        foreach (var (workflow, job) in DeployJobs(set))
        {
            var target = DeployTarget.Of(job, workflow);
            Assert.True(job.Concurrency is not null, $"{job.Workflow}/{job.Id} deploys {target} without a concurrency group");
            Assert.True(string.Equals(job.Concurrency!.Group, "deploy-" + target, StringComparison.OrdinalIgnoreCase),
                $"{job.Workflow}/{job.Id} deploys {target} but queues in '{job.Concurrency.Group}'");
            Assert.Equal("false", job.Concurrency.CancelInProgress);
            var stage = target.Split('-')[0];
            Assert.Equal(job.NeedsApproval, stage == "prod");
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void No_concurrency_group_is_shared_by_jobs_that_deploy_different_stacks(string set)
    {
        var byGroup = DeployJobs(set)
            .GroupBy(d => d.Job.Concurrency?.Group ?? $"(none: {d.Job.Workflow}/{d.Job.Id})", StringComparer.OrdinalIgnoreCase)
            .Select(g => (Group: g.Key, Targets: g.Select(d => DeployTarget.Of(d.Job, d.Workflow)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            .Where(g => g.Targets.Count > 1)
            .Select(g => $"{g.Group}: {string.Join(", ", g.Targets)}")
            .ToList();
        Assert.True(byGroup.Count == 0, "groups shared across stacks (a newer job cancels another stack's pending deploy):\n" + string.Join("\n", byGroup));
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void A_job_waiting_for_approval_never_blocks_a_dev_job(string set)
    {
        var all = WorkflowSets.Get(set);
        foreach (var workflow in all)
        {
            foreach (var gated in workflow.Jobs.Where(j => j.NeedsApproval))
            {
                foreach (var other in all.SelectMany(w => w.Jobs).Where(j => !j.NeedsApproval && !DependsOn(all.Single(w => w.File == j.Workflow), j, gated.Id, gated.Workflow)))
                {
                    Assert.False(
                        gated.Concurrency is not null && other.Concurrency is not null
                            && string.Equals(gated.Concurrency.Group, other.Concurrency.Group, StringComparison.OrdinalIgnoreCase),
                        $"{other.Workflow}/{other.Id} shares '{other.Concurrency?.Group}' with {gated.Workflow}/{gated.Id}, which waits for approval");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void While_prod_approvals_wait_every_push_still_runs_its_tests_and_dev_deploys(string set)
    {
        var simulation = ThreePushesNoReviewer(set);
        var stuck = simulation.Jobs
            .Where(j => !j.Job.NeedsApproval && !DependsOnApproval(j.Run.Workflow, j.Job))
            .Where(j => j.State != JobState.Done)
            .Select(j => j.ToString())
            .ToList();
        Assert.True(stuck.Count == 0, "jobs that never ran although no approval gates them:\n" + string.Join("\n", stuck));
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void A_deploy_is_cancelled_only_when_a_newer_run_of_the_same_job_takes_its_place(string set)
    {
        var simulation = ThreePushesNoReviewer(set);
        var problems = new List<string>();
        foreach (var job in simulation.Jobs.Where(j => j.State is JobState.Cancelled or JobState.Skipped))
        {
            if (job.ReplacedBy is { } by && (by.Job.Workflow != job.Job.Workflow || by.Job.Id != job.Job.Id))
            {
                problems.Add($"{job}: cancelled by {by} (another workflow or job)");
                continue;
            }

            // Superseded: a later run of the same job still deploys (it carries this commit's changes too).
            var successor = simulation.Jobs.Any(j => j.Job.Workflow == job.Job.Workflow && j.Job.Id == job.Job.Id && j.Run.Number > job.Run.Number
                && j.State is JobState.Done or JobState.Running or JobState.AwaitingApproval or JobState.Pending);
            if (!successor)
            {
                problems.Add($"{job}: cancelled and no later run of it deploys");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void A_third_push_replaces_the_second_pending_prod_deploy_while_the_first_waits_for_approval(string set)
    {
        // GitHub keeps one running and one pending job per group: this is the only cancellation left, and it is a
        // newer commit of main taking an older one's place, never another stack's deploy.
        var simulation = ThreePushesNoReviewer(set);
        foreach (var gated in simulation.Jobs.Where(j => j.Job.NeedsApproval).GroupBy(j => (j.Job.Workflow, j.Job.Id)))
        {
            var byRun = gated.OrderBy(j => j.Run.Number).Select(j => j.State).ToList();
            Assert.Equal([JobState.AwaitingApproval, JobState.Cancelled, JobState.Pending], byRun);
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void No_two_running_jobs_deploy_the_same_stage_and_stack_at_once(string set)
    {
        // Pushes closer together than a deploy takes, so deploys of one stack do queue.
        var simulation = new ConcurrencySimulator(WorkflowSets.Get(set)).Push(pushes: 4, interval: 1, duration: j => j.Deploys ? 5 : 1);
        Assert.True(simulation.Overlaps.Count == 0, "deployed twice at once: " + string.Join(", ", simulation.Overlaps.Distinct()));
        Assert.Contains(simulation.Jobs, j => j.Job.Deploys && j.State == JobState.Done);
    }

    private static bool DependsOnApproval(Workflow workflow, WorkflowJob job) =>
        job.Needs.Select(n => workflow.Jobs.Single(j => j.Id == n)).Any(n => n.NeedsApproval || DependsOnApproval(workflow, n));

    private static bool DependsOn(Workflow workflow, WorkflowJob job, string id, string file) =>
        job.Workflow == file && job.Needs.Any(n => n == id || DependsOn(workflow, workflow.Jobs.Single(j => j.Id == n), id, file));
}
