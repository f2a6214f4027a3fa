namespace Trilho.Compiler.Synthesis;

/// <summary>Where a stack parameter's value comes from in the deploy plan: a literal, an output of an earlier stack, or the image tag CI pushed.</summary>
/// <param name="Value">A literal value, or null.</param>
/// <param name="FromStack">Name of the stack whose output is the value, or null.</param>
/// <param name="FromRegion">Region of that stack, or null.</param>
/// <param name="Output">Name of that output, or null.</param>
/// <param name="ImageTagOf">Id of the api app whose pushed image tag is the value, or null.</param>
/// <param name="Command">A read-only AWS CLI command that prints the value in the target account, for values Trilho cannot know (rare), or null.</param>
/// <param name="FirstCreate">With a literal <paramref name="Value"/>: the value while the stack is first created, after which the deploy updates it to <paramref name="Value"/>; or null.</param>
public sealed record ParameterValue(string? Value, string? FromStack, string? FromRegion, string? Output, string? ImageTagOf, string? Command, string? FirstCreate = null)
{
    /// <summary>
    /// <paramref name="value"/>, except <paramref name="firstCreate"/> during the stack's first create, then an update to
    /// <paramref name="value"/>: deletion protection must be off while a failed create can still roll back.
    /// </summary>
    public static ParameterValue AfterFirstCreate(string value, string firstCreate) => new(value, null, null, null, null, null, firstCreate);

    /// <summary>A literal value known at compile time.</summary>
    public static ParameterValue Literal(string value) => new(value, null, null, null, null, null);

    /// <summary>
    /// Output <paramref name="output"/> of its stack, in that stack's region. Only a declared output can be a source
    /// (<see cref="Synthesis.StackOutput"/>): the stack graph never names an output by string.
    /// </summary>
    internal static ParameterValue StackOutput(StackOutput output) => new(null, output.Exporter.StackName, output.Exporter.Region, output.Name, null, null);

    /// <summary>The tag CI pushed for the image of <paramref name="appId"/>.</summary>
    public static ParameterValue ImageTag(string appId) => new(null, null, null, null, appId, null);

    /// <summary>The output of <paramref name="command"/>, run by CI against the target account.</summary>
    public static ParameterValue FromCommand(string command) => new(null, null, null, null, null, command);
}
