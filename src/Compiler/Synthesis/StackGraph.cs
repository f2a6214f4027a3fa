using Amazon.CDK;
using Constructs;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// The stacks of one environment and what flows between them (docs/decisions/0015-stack-graph.md). Stacks import the
/// typed outputs of other stacks (<see cref="StackNode.Import"/>); the deploy order, each parameter's source, the
/// image push step and the one-off tasks all follow from those edges instead of being listed by hand.
/// </summary>
public sealed class StackGraph
{
    private readonly List<StackNode> nodes = [];
    private readonly List<ImagePush> images = [];
    private readonly List<TaskRun> tasks = [];
    private readonly Construct app;
    private readonly ResolvedEnvironment environment;
    private readonly StackCache? cache;
    private readonly bool replay;
    private StackNode? imagesAfter;

    /// <summary>
    /// A graph whose stacks are built under <paramref name="app"/> for <paramref name="environment"/>. With
    /// <paramref name="cache"/>, the stacks built are keyed for storing in it, and with <paramref name="replay"/> those
    /// whose key and imports are unchanged are replayed from it instead.
    /// </summary>
    public StackGraph(Construct app, ResolvedEnvironment environment, StackCache? cache = null, bool replay = true)
    {
        ArgumentNullException.ThrowIfNull(environment);
        this.app = app;
        this.environment = environment;
        this.cache = cache;
        this.replay = replay;
    }

    /// <summary>The stacks in the order they were added.</summary>
    public IReadOnlyList<StackNode> Stacks => nodes;

    /// <summary>Images CI pushes, in the order their app stacks declared them.</summary>
    public IReadOnlyList<ImagePush> Images => images;

    /// <summary>The stack after which the images are pushed (the one exporting their repositories), or null without images.</summary>
    public string? PushImagesAfter => imagesAfter?.StackName;

    /// <summary>One-off tasks the deploy runs right after the stack that exports their task definition.</summary>
    public IReadOnlyList<TaskRun> Tasks => tasks;

    /// <summary>
    /// Adds stack <paramref name="name"/> in <paramref name="region"/> (the environment's, or <see cref="Regions.Global"/>):
    /// the one way a stack is made. Its description says which environment it belongs to. With
    /// <paramref name="literalAccount"/> CDK writes the account where it needs one (e.g. a key policy's root principal)
    /// instead of <c>AWS::AccountId</c>; without it, availability zones stay <c>Fn::GetAZs</c> instead of a context lookup.
    /// With <paramref name="inputs"/> (what the stack is built from) and a cache, a stack stored under the same key whose
    /// imports are still exported as they were is replayed instead (<see cref="StackNode.Replayed"/>): the caller must then
    /// not build it.
    /// </summary>
    public StackNode Add(string name, string region, string description, bool literalAccount = false, StackInputs? inputs = null)
    {
        if (cache is null || inputs is null)
        {
            return Add(name, region, description, literalAccount, cacheKey: null);
        }

        var key = cache.Keys.For(name, inputs);
        if (replay && cache.Find(key) is { } stored && stored.StackName == name && stored.Region == region && Replayable(stored))
        {
            var node = new StackNode(this, stored);
            nodes.Add(node);
            foreach (var image in stored.Images)
            {
                PushImage(image, Node(image.RepositoryUri.FromStack)!);
            }

            tasks.AddRange(stored.Tasks);
            return node;
        }

        return Add(name, region, description, literalAccount, key);
    }

    /// <summary>
    /// Gives every replayed stack its exporters, now that the graph is complete; a stored import no longer exported as it
    /// was (an exporter added after the replayed stack changed) throws <see cref="StaleReplayException"/>.
    /// </summary>
    public void Complete()
    {
        foreach (var node in nodes.Where(n => n.Replayed is not null))
        {
            var stored = node.Replayed!;
            var exporters = stored.ImportsFrom.Select(Node).OfType<StackNode>().ToList();
            if (exporters.Count != stored.ImportsFrom.Count || !stored.Imports.All(i => Exported(i, requirePresent: true)))
            {
                throw new StaleReplayException($"stack {node.StackName} was replayed, but what it imports changed");
            }

            node.ReplayImportsFrom(exporters);
        }
    }

    // Whether each stored import whose exporter is already in the graph is still exported as it was; the others are
    // checked by Complete. Images need their repository's stack now, to place the push step.
    private bool Replayable(StackEntry stored) =>
        stored.Imports.All(i => Exported(i, requirePresent: false))
        && stored.Images.All(i => Node(i.RepositoryUri.FromStack)?.Exports.Any(e => e.Name == i.RepositoryUri.Output) == true);

    private bool Exported(StoredOutput output, bool requirePresent) => Node(output.Stack) is { } exporter
        ? exporter.Exports.Any(e => e.Name == output.Name && e.Description == output.Description)
        : !requirePresent;

    private StackNode? Node(string? name) => nodes.SingleOrDefault(n => n.StackName == name);

    private StackNode Add(string name, string region, string description, bool literalAccount, string? cacheKey)
    {
        if (nodes.Any(n => n.StackName == name))
        {
            throw new InvalidOperationException($"stack {name} is added twice");
        }

        var stack = new Stack(app, name, new StackProps
        {
            StackName = name,
            Description = $"Trilho {environment.StackPrefix}: {description}",
            Env = new Amazon.CDK.Environment { Account = literalAccount ? environment.Account : null, Region = region },
            // One synthesizer per stack, or each stack's asset manifest lists the others.
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            AnalyticsReporting = false,
        });
        var node = new StackNode(this, stack, region, environment.Account, cacheKey);
        nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Runs task <paramref name="name"/> right after the stack exporting <paramref name="taskDefinition"/>, in its region;
    /// every other value must come from that stack or one before it.
    /// </summary>
    public void RunTask(string name, string description, StackOutput cluster, StackOutput taskDefinition, string container, IReadOnlyList<StackOutput> subnets, StackOutput securityGroup, StackOutput logGroup, string logStreamPrefix)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        var after = taskDefinition.Exporter;
        tasks.Add(new TaskRun(name, description, after.StackName, after.Region, cluster.Source, taskDefinition.Source, container, subnets.Select(s => s.Source).ToList(), securityGroup.Source, logGroup.Source, logStreamPrefix));
    }

    /// <summary>
    /// The stacks in deploy order: each after every stack it imports from, otherwise in the order they were added.
    /// A cycle (a stack importing, through others, from itself) cannot deploy and fails here, naming the stacks.
    /// </summary>
    public IReadOnlyList<StackNode> DeployOrder()
    {
        var order = new List<StackNode>(nodes.Count);
        var placed = new HashSet<StackNode>();
        while (order.Count < nodes.Count)
        {
            // The first stack (in the order added) whose exporters are all placed: stable, so the plan reads top-down.
            var next = nodes.FirstOrDefault(n => !placed.Contains(n) && n.ImportsFrom.All(placed.Contains))
                ?? throw new InvalidOperationException("the stacks import from each other in a cycle: " + string.Join(", ", nodes.Where(n => !placed.Contains(n)).Select(n => n.StackName)));
            order.Add(next);
            placed.Add(next);
        }

        return order;
    }

    internal void PushImage(ImagePush image, StackNode repositories)
    {
        if (imagesAfter is not null && imagesAfter != repositories)
        {
            throw new InvalidOperationException($"images come from repositories of {imagesAfter.StackName} and {repositories.StackName}; the plan has one push step");
        }

        imagesAfter = repositories;
        images.Add(image);
    }
}
