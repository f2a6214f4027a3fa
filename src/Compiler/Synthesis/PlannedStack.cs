using Amazon.CDK;

namespace Trilho.Compiler.Synthesis;

/// <summary>A stack under construction plus what the deploy plan needs to know about it: its parameters' sources.</summary>
internal sealed class PlannedStack
{
    private readonly List<KeyValuePair<string, ParameterValue>> parameters = [];

    public PlannedStack(App app, string stackName, string region, string account, string description)
    {
        StackName = stackName;
        Region = region;
        Stack = new Stack(app, stackName, new StackProps
        {
            StackName = stackName,
            Description = description,
            // Region fixed, account left to deploy time: availability zones become Fn::GetAZs instead of a lookup.
            Env = new Amazon.CDK.Environment { Region = region },
            // One synthesizer per stack, or each stack's asset manifest lists the others.
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            AnalyticsReporting = false,
        });

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

    public IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters => parameters;

    /// <summary>Declares a String parameter and records where the deploy plan takes its value from.</summary>
    public string Parameter(string name, ParameterValue source, string description)
    {
        var parameter = new CfnParameter(Stack, name, new CfnParameterProps { Type = "String", Description = description });
        parameters.Add(new(name, source));
        return parameter.ValueAsString;
    }

    /// <summary>Declares an output other stacks read through the deploy plan.</summary>
    public ParameterValue Output(string name, string value, string description)
    {
        _ = new CfnOutput(Stack, name, new CfnOutputProps { Value = value, Description = description });
        return ParameterValue.StackOutput(StackName, Region, name);
    }
}
