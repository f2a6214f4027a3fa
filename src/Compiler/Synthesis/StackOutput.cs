using Amazon.CDK;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// An output a stack of the <see cref="StackGraph"/> declared with <see cref="StackNode.Export"/>: the only thing another
/// stack can import. Only <see cref="StackNode.Export"/> makes one (it needs the <see cref="CfnOutput"/>), so wiring
/// cannot name a value nobody exports: that would not compile.
/// </summary>
public sealed class StackOutput
{
    internal StackOutput(StackNode exporter, CfnOutput output, string name, string description)
    {
        Exporter = exporter;
        Output = output;
        Name = name;
        Description = description;
    }

    /// <summary>The stack that declares the output.</summary>
    public StackNode Exporter { get; }

    /// <summary>Name of the output in the exporter's template.</summary>
    public string Name { get; }

    /// <summary>What the value is, as the exporter's template describes it.</summary>
    public string Description { get; }

    /// <summary>Where the deploy plan reads the value: this output of the exporter, in the exporter's region.</summary>
    public ParameterValue Source => ParameterValue.StackOutput(this);

    internal CfnOutput Output { get; }
}
