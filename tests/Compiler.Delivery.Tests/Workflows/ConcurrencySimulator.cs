namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>What became of one job of one run.</summary>
public enum JobState
{
    /// <summary>Its needs have not finished.</summary>
    Waiting,

    /// <summary>Held back by a concurrency group (the group's one pending slot).</summary>
    Pending,

    /// <summary>Holds its group and runs.</summary>
    Running,

    /// <summary>Holds its group and waits for a reviewer of its GitHub environment.</summary>
    AwaitingApproval,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Cancelled by GitHub's concurrency rules.</summary>
    Cancelled,

    /// <summary>Never ran because a job it needs was cancelled.</summary>
    Skipped,
}

/// <summary>One job of one simulated run.</summary>
public sealed class SimulatedJob(SimulatedRun run, WorkflowJob job)
{
    public SimulatedRun Run { get; } = run;

    public WorkflowJob Job { get; } = job;

    public JobState State { get; set; } = JobState.Waiting;

    public int Remaining { get; set; }

    /// <summary>The group this job holds or waits for, once it asked for one.</summary>
    public string? Group { get; set; }

    /// <summary>The run's job that replaced this one in <see cref="Group"/> when it was cancelled.</summary>
    public SimulatedJob? ReplacedBy { get; set; }

    public override string ToString() => $"{Job.Workflow}#{Run.Number}/{Job.Id} {State}";
}

/// <summary>One run of a workflow for one push.</summary>
public sealed class SimulatedRun(Workflow workflow, int number, IReadOnlyDictionary<string, string> github)
{
    public Workflow Workflow { get; } = workflow;

    public int Number { get; } = number;

    public IReadOnlyDictionary<string, string> Github { get; } = github;

    public List<SimulatedJob> Jobs { get; } = [];

    /// <summary>Queued behind the workflow-level group; jobs start only once the run holds it.</summary>
    public bool Started { get; set; }

    public bool Finished => Jobs.All(j => j.State is JobState.Done or JobState.Cancelled or JobState.Skipped);
}

/// <summary>
/// GitHub Actions' concurrency rules, applied to the repository's workflows for a series of pushes to main
/// (https://docs.github.com/en/actions/using-jobs/using-concurrency): a group holds at most one running and one
/// pending job or run; a newly queued one cancels the pending one and takes its place; <c>cancel-in-progress</c>
/// cancels the running one instead. Group names are case-insensitive. A run stays in progress (and keeps a
/// workflow-level group) while any of its jobs waits for an environment's reviewers; a job waiting for review
/// keeps its own group. Reviewers never answer in these scenarios: that is the case the design must survive.
/// </summary>
public sealed class ConcurrencySimulator(IReadOnlyList<Workflow> workflows)
{
    private readonly Dictionary<string, object> running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object> pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SimulatedRun> runs = [];

    /// <summary>Every run so far, oldest first.</summary>
    public IReadOnlyList<SimulatedRun> Runs => runs;

    /// <summary>Every job so far.</summary>
    public IEnumerable<SimulatedJob> Jobs => runs.SelectMany(r => r.Jobs);

    /// <summary>(stage, deploy unit) pairs that two running jobs deployed at the same time, if ever.</summary>
    public List<string> Overlaps { get; } = [];

    /// <summary>Pushes to main every <paramref name="interval"/> ticks, <paramref name="pushes"/> times, then lets everything settle.</summary>
    public ConcurrencySimulator Push(int pushes, int interval, Func<WorkflowJob, int> duration)
    {
        var number = 0;
        for (var tick = 0; tick < pushes * interval + 100; tick++)
        {
            if (tick % interval == 0 && number < pushes)
            {
                number++;
                foreach (var workflow in workflows.Where(w => w.PushBranches.Contains("main")))
                {
                    var github = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["event_name"] = "push",
                        ["ref"] = "refs/heads/main",
                        ["ref_name"] = "main",
                        ["run_id"] = $"{workflow.File}-{number}",
                        ["sha"] = $"commit{number}",
                        ["workflow"] = workflow.File,
                    };
                    var run = new SimulatedRun(workflow, number, github);
                    run.Jobs.AddRange(workflow.Jobs.Select(j => new SimulatedJob(run, j) { Remaining = duration(j) }));
                    runs.Add(run);
                    if (workflow.Concurrency is { } c)
                    {
                        Acquire(WorkflowExpression.Interpolate(c.Group, github), WorkflowExpression.IsTrue(c.CancelInProgress, github), run);
                    }
                    else
                    {
                        run.Started = true;
                    }
                }
            }

            Settle();
            Advance();
        }

        return this;
    }

    private void Settle()
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var run in runs.Where(r => r.Started && !r.Finished))
            {
                foreach (var job in run.Jobs.Where(j => j.State == JobState.Waiting))
                {
                    var needs = job.Job.Needs.Select(n => run.Jobs.Single(j => j.Job.Id == n)).ToList();
                    if (needs.Any(n => n.State is JobState.Cancelled or JobState.Skipped))
                    {
                        job.State = JobState.Skipped;
                        changed = true;
                    }
                    else if (needs.All(n => n.State == JobState.Done))
                    {
                        if (job.Job.Concurrency is { } c)
                        {
                            job.Group = WorkflowExpression.Interpolate(c.Group, run.Github);
                            job.State = JobState.Pending;
                            Acquire(job.Group, WorkflowExpression.IsTrue(c.CancelInProgress, run.Github), job);
                        }
                        else
                        {
                            Start(job);
                        }

                        changed = true;
                    }
                }
            }

            // A run that finished gives its workflow-level group to the run waiting for it.
            foreach (var run in runs.Where(r => r.Started && r.Finished && r.Workflow.Concurrency is not null))
            {
                changed |= Release(WorkflowExpression.Interpolate(run.Workflow.Concurrency!.Group, run.Github), run);
            }
        }
        while (changed);
    }

    private void Advance()
    {
        var active = Jobs.Where(j => j.State == JobState.Running).ToList();
        var units = active.Select(Target).Where(t => t is not null).GroupBy(t => t!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        Overlaps.AddRange(units.Select(g => g.Key));
        foreach (var job in active)
        {
            if (--job.Remaining > 0)
            {
                continue;
            }

            job.State = JobState.Done;
            if (job.Group is not null)
            {
                Release(job.Group, job);
            }
        }
    }

    private static void Start(SimulatedJob job) => job.State = job.Job.NeedsApproval ? JobState.AwaitingApproval : JobState.Running;

    private void Acquire(string group, bool cancelInProgress, object holder)
    {
        if (!running.TryGetValue(group, out var current))
        {
            Grant(group, holder);
            return;
        }

        if (cancelInProgress)
        {
            Cancel(current, holder);
            running.Remove(group);
            if (pending.Remove(group, out var waiting))
            {
                Cancel(waiting, holder);
            }

            Grant(group, holder);
            return;
        }

        if (pending.TryGetValue(group, out var older))
        {
            Cancel(older, holder);
        }

        pending[group] = holder;
    }

    private bool Release(string group, object holder)
    {
        if (!running.TryGetValue(group, out var current) || !ReferenceEquals(current, holder))
        {
            return false;
        }

        running.Remove(group);
        if (pending.Remove(group, out var next))
        {
            Grant(group, next);
        }

        return true;
    }

    private void Grant(string group, object holder)
    {
        running[group] = holder;
        switch (holder)
        {
            case SimulatedRun run:
                run.Started = true;
                break;
            case SimulatedJob job:
                Start(job);
                break;
        }
    }

    private void Cancel(object victim, object by)
    {
        var replacement = by as SimulatedJob;
        switch (victim)
        {
            case SimulatedRun run:
                foreach (var job in run.Jobs.Where(j => j.State is not (JobState.Done or JobState.Cancelled or JobState.Skipped)))
                {
                    CancelJob(job, replacement);
                }

                break;
            case SimulatedJob job:
                CancelJob(job, replacement);
                break;
        }
    }

    private void CancelJob(SimulatedJob job, SimulatedJob? by)
    {
        if (job.Group is not null && running.TryGetValue(job.Group, out var holder) && ReferenceEquals(holder, job))
        {
            running.Remove(job.Group);
            if (pending.Remove(job.Group, out var next))
            {
                Grant(job.Group, next);
            }
        }

        job.State = JobState.Cancelled;
        job.ReplacedBy = by;
    }

    /// <summary>What a deploy job changes: "&lt;stage&gt;-&lt;unit&gt;", read from the commands it runs (see <see cref="DeployTarget"/>).</summary>
    private static string? Target(SimulatedJob job) =>
        job.Job.Deploys ? DeployTarget.Of(job.Job, job.Run.Workflow) : null;
}
