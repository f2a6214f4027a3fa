using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// A metric or composite alarm built as its L1 resource (<see cref="CfnAlarm"/>, <see cref="CfnCompositeAlarm"/>)
/// from properties computed in C#, instead of the L2 <c>Alarm</c> and its metric objects: one jsii call per alarm
/// instead of one per metric, duration and action (issue 15). The tree keeps the L2's shape,
/// <c>&lt;Id&gt;/Resource</c>, so an extension finds it by id (<c>Node.FindChild(id).Node.DefaultChild</c>).
/// </summary>
internal sealed class AlarmResource
{
    private readonly List<string> actions = [];
    private string? arn;

    /// <summary>Wraps <paramref name="resource"/>, the <c>Resource</c> child of <paramref name="construct"/>.</summary>
    public AlarmResource(Construct construct, CfnResource resource)
    {
        Construct = construct;
        Resource = resource;
    }

    /// <summary>The construct named by the alarm's id (its logical ID).</summary>
    public Construct Construct { get; }

    /// <summary>The CloudFormation resource, a <see cref="CfnAlarm"/> or <see cref="CfnCompositeAlarm"/>.</summary>
    public CfnResource Resource { get; }

    /// <summary>The alarm's ARN, a <c>Fn::GetAtt</c> token.</summary>
    public string AlarmArn => arn ??= Resource switch
    {
        CfnAlarm alarm => alarm.AttrArn,
        CfnCompositeAlarm composite => composite.AttrArn,
        _ => throw new InvalidOperationException($"{Resource.CfnResourceType} is not an alarm."),
    };

    /// <summary>This alarm as a term of a composite alarm's rule, as CDK's <c>AlarmRule</c> writes it.</summary>
    public string RuleTerm => $"ALARM(\"{AlarmArn}\")";

    /// <summary>Appends <paramref name="arns"/> to the alarm actions, in order; none leaves the property unset, as CDK's L2 did.</summary>
    public void AddAlarmActions(IEnumerable<string> arns)
    {
        var count = actions.Count;
        actions.AddRange(arns);
        if (actions.Count == count)
        {
            return;
        }

        switch (Resource)
        {
            case CfnAlarm alarm:
                alarm.AlarmActions = [.. actions];
                break;
            case CfnCompositeAlarm composite:
                composite.AlarmActions = [.. actions];
                break;
        }
    }
}
