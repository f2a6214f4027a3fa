using Amazon.CDK;

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
    private readonly StackGraph graph;

    internal StackNode(StackGraph graph, Stack stack, string region, string account)
    {
        this.graph = graph;
        Stack = stack;
        StackName = stack.StackName;
        Region = region;

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

    /// <summary>The CDK stack emitters build into.</summary>
    public Stack Stack { get; }

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
        var output = new CfnOutput(Stack, name, new CfnOutputProps { Value = value, Description = description });
        var exported = new StackOutput(this, output, name, description);
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
