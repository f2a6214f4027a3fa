using Amazon.CDK;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Declares a stack's CloudFormation parameters and remembers them as data for the deploy plan.</summary>
internal sealed class StackParameters(Stack stack)
{
    private readonly List<MonitoringParameter> declared = [];

    /// <summary>The parameters declared so far, in declaration order.</summary>
    public IReadOnlyList<MonitoringParameter> Declared => declared;

    /// <summary>Declares a string parameter and returns its value token.</summary>
    public string Add(string name, string description)
    {
        declared.Add(new MonitoringParameter(name, description));
        return new CfnParameter(stack, name, new CfnParameterProps
        {
            Type = "String",
            Description = description,
            MinLength = 1,
        }).ValueAsString;
    }
}
