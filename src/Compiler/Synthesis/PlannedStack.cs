using Amazon.CDK;

namespace Trilho.Compiler.Synthesis;

/// <summary>A stack under construction plus what the deploy plan needs to know about it: its parameters' sources.</summary>
internal sealed class PlannedStack
{
    private readonly List<KeyValuePair<string, ParameterValue>> parameters = [];

    public PlannedStack(App app, string stackName, string region, string account, string description)
        : this(NewStack(app, stackName, region, description), region, account)
    {
    }

    private PlannedStack(Stack stack, string region, string account)
    {
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

    public Stack Stack { get; }

    public string StackName { get; }

    public string Region { get; }

    /// <summary>Capabilities the stack needs regardless of its resources (e.g. CAPABILITY_NAMED_IAM for fixed role names), or empty to derive them from the template.</summary>
    public IReadOnlyList<string> RequiredCapabilities { get; set; } = [];

    public IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters => parameters;

    /// <summary>Plans a stack another emitter created (monitoring, delivery): it declares its own parameters, the plan only records their sources.</summary>
    public static PlannedStack Adopt(Stack stack, string region, string account, IReadOnlyList<string>? requiredCapabilities = null) =>
        new(stack, region, account) { RequiredCapabilities = requiredCapabilities ?? [] };

    /// <summary>Declares a String parameter and records where the deploy plan takes its value from.</summary>
    public string Parameter(string name, ParameterValue source, string description)
    {
        var parameter = new CfnParameter(Stack, name, new CfnParameterProps { Type = "String", Description = description });
        Record(name, source);
        return parameter.ValueAsString;
    }

    /// <summary>Records the source of a parameter the stack's emitter declared itself.</summary>
    public void Record(string name, ParameterValue source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (parameters.Any(p => p.Key == name))
        {
            throw new InvalidOperationException($"parameter {name} of {StackName} is recorded twice");
        }

        parameters.Add(new(name, source));
    }

    /// <summary>Declares an output other stacks read through the deploy plan.</summary>
    public ParameterValue Output(string name, string value, string description)
    {
        _ = new CfnOutput(Stack, name, new CfnOutputProps { Value = value, Description = description });
        return OutputOf(name);
    }

    /// <summary>The deploy plan's reference to output <paramref name="name"/> of this stack, declared by this stack's emitter.</summary>
    public ParameterValue OutputOf(string name) => ParameterValue.StackOutput(StackName, Region, name);

    private static Stack NewStack(App app, string stackName, string region, string description) =>
        new(app, stackName, new StackProps
        {
            StackName = stackName,
            Description = description,
            // Region fixed, account left to deploy time: availability zones become Fn::GetAZs instead of a lookup.
            Env = new Amazon.CDK.Environment { Region = region },
            // One synthesizer per stack, or each stack's asset manifest lists the others.
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            AnalyticsReporting = false,
        });
}
