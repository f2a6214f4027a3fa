namespace Trilho.Compiler.Synthesis;

/// <summary>
/// An output a stack of the <see cref="StackGraph"/> declared with <see cref="StackNode.Export"/>: the only thing another
/// stack can import. Only a <see cref="StackNode"/> makes one (with <see cref="StackNode.Export"/>, or when it is replayed
/// from the cache with the outputs it declared then), so wiring cannot name a value nobody exports: that would not compile.
/// </summary>
public sealed class StackOutput
{
    internal StackOutput(StackNode exporter, string name, string description)
    {
        Exporter = exporter;
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
}
