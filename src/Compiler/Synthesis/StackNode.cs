using Amazon.CDK;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// One stack of the <see cref="StackGraph"/>: its CDK stack, the outputs it exports and the parameters it takes, each
/// with the source the deploy plan fills it from. An import is typed (a <see cref="StackOutput"/> of another stack), so
/// the graph knows every edge, and the parameter's description is derived from the output it reads.
/// </summary>
public sealed class StackNode
{
    private readonly List<KeyValuePair<string, ParameterValue>> parameters = [];
    private readonly List<StackNode> importsFrom = [];
    private readonly List<StackOutput> exports = [];
    private readonly List<StackOutput> imported = [];
    private readonly List<string> values = [];
    private readonly StackGraph graph;
    private readonly Stack? stack;

    internal StackNode(StackGraph graph, Stack stack, string region, string account, string? cacheKey)
    {
        this.graph = graph;
        this.stack = stack;
        StackName = stack.StackName;
        Region = region;
        CacheKey = cacheKey;

        // Refuses to deploy into the wrong account: a dev template never lands in prod.
        _ = new CfnRule(Stack, "TargetAccount", new CfnRuleProps
        {
            Assertions =
            [
                new CfnRuleAssertion
                {
                    Assert = Fn.ConditionEquals(Aws.ACCOUNT_ID, account),
                    AssertDescription = $"This template deploys only into account {account}.",
                },
            ],
        });
    }

    /// <summary>
    /// A stack put back from the per-stack cache: its exports and parameters as stored, and no constructs. Its exporters
    /// are given by <see cref="ReplayImportsFrom"/> once the graph is complete.
    /// </summary>
    internal StackNode(StackGraph graph, StackEntry stored)
    {
        this.graph = graph;
        StackName = stored.StackName;
        Region = stored.Region;
        Replayed = stored;
        parameters.AddRange(stored.Parameters);
        exports.AddRange(stored.Exports.Select(e => new StackOutput(this, e.Name, e.Description)));
        values.AddRange(stored.Values);
    }

    /// <summary>The CDK stack emitters build into. A stack replayed from the cache has none.</summary>
    public Stack Stack => stack ?? throw new InvalidOperationException($"stack {StackName} was replayed from the cache and has no constructs");

    /// <summary>The stored stack this one was replayed from, or null when it was built.</summary>
    internal StackEntry? Replayed { get; }

    /// <summary>The key a built stack is stored under in the per-stack cache, or null when it is not cached.</summary>
    internal string? CacheKey { get; }

    /// <summary>Every output of another stack this one imports, in the order imported.</summary>
    internal IReadOnlyList<StackOutput> Imported => imported;

    /// <summary>What the stack definition remembered with <see cref="Remember"/> (for a replayed stack: what it stored).</summary>
    internal IReadOnlyList<string> Values => values;

    /// <summary>CloudFormation stack name.</summary>
    public string StackName { get; }

    /// <summary>Region the stack deploys to.</summary>
    public string Region { get; }

    /// <summary>Capabilities the stack needs regardless of its resources (e.g. CAPABILITY_NAMED_IAM for fixed role names), or empty to derive them from the template.</summary>
    public IReadOnlyList<string> RequiredCapabilities { get; set; } = [];

    /// <summary>Every parameter and where the deploy plan takes its value from, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters => parameters;

    /// <summary>The stacks this one imports outputs from, each once: they deploy before it.</summary>
    public IReadOnlyList<StackNode> ImportsFrom => importsFrom;

    /// <summary>The outputs this stack declares, in declaration order.</summary>
    public IReadOnlyList<StackOutput> Exports => exports;

    /// <summary>Declares output <paramref name="name"/>: the typed value other stacks import.</summary>
    public StackOutput Export(string name, string value, string description)
    {
        _ = new CfnOutput(Stack, name, new CfnOutputProps { Value = value, Description = description });
        var exported = new StackOutput(this, name, description);
        exports.Add(exported);
        return exported;
    }

    /// <summary>
    /// Declares String parameter <paramref name="name"/> filled from <paramref name="source"/>, described by that output
    /// (what it is, which output of which stack) and <paramref name="note"/>. <paramref name="minLength"/> 1 makes
    /// CloudFormation refuse an empty value; <paramref name="defaultValue"/> lets the stack deploy before the exporter exists.
    /// </summary>
    public string Import(string name, StackOutput source, string? note = null, int? minLength = null, string? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Exporter == this || source.Exporter.graph != graph)
        {
            throw new InvalidOperationException($"{StackName} imports output {source.Name} of {source.Exporter.StackName}, which is itself or in another environment's graph");
        }

        var parameter = new CfnParameter(Stack, name, new CfnParameterProps
        {
            Type = "String",
            Description = DescriptionOf(source, note),
            MinLength = minLength,
            Default = defaultValue,
        });
        Record(name, source.Source);
        imported.Add(source);
        if (!importsFrom.Contains(source.Exporter))
        {
            importsFrom.Add(source.Exporter);
        }

        return parameter.ValueAsString;
    }

    /// <summary>Declares a String parameter whose value is not another stack's output: a literal, a lookup command.</summary>
    public string Parameter(string name, ParameterValue source, string description)
    {
        var parameter = new CfnParameter(Stack, name, new CfnParameterProps { Type = "String", Description = description });
        Record(name, source);
        return parameter.ValueAsString;
    }

    /// <summary>
    /// Declares parameter <paramref name="name"/> that receives the tag CI pushes for <paramref name="appId"/>'s image to
    /// <paramref name="repository"/>: the push follows the repository's stack and precedes this one.
    /// </summary>
    public string ImageTag(string name, string appId, StackOutput repository, string description)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var tag = Parameter(name, ParameterValue.ImageTag(appId), description);
        graph.PushImage(new ImagePush(appId, repository.Source, StackName, name), repository.Exporter);
        if (!importsFrom.Contains(repository.Exporter))
        {
            importsFrom.Add(repository.Exporter);
        }

        return tag;
    }

    /// <summary>The output <paramref name="name"/> this stack exports.</summary>
    public StackOutput Output(string name) =>
        exports.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"{StackName} exports no output {name}");

    /// <summary>Sets a replayed stack's exporters, in the order stored.</summary>
    internal void ReplayImportsFrom(IEnumerable<StackNode> exporters) => importsFrom.AddRange(exporters);

    /// <summary>Keeps <paramref name="remembered"/> with the stack in the per-stack cache: what its definition returns besides outputs.</summary>
    internal void Remember(IEnumerable<string> remembered)
    {
        if (Replayed is not null)
        {
            throw new InvalidOperationException($"stack {StackName} was replayed from the cache: read its Values");
        }

        values.AddRange(remembered);
    }

    /// <summary>Records the source of a parameter the stack's emitter declared itself with a literal value.</summary>
    public void Record(string name, ParameterValue source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (parameters.Any(p => p.Key == name))
        {
            throw new InvalidOperationException($"parameter {name} of {StackName} is recorded twice");
        }

        parameters.Add(new(name, source));
    }

    /// <summary>What an imported parameter says about itself: the output's description, then which output of which stack.</summary>
    internal static string DescriptionOf(StackOutput source, string? note) =>
        $"{source.Description.TrimEnd('.')}: output {source.Name} of stack {source.Exporter.StackName}{(note is null ? string.Empty : "; " + note)}.";
}
