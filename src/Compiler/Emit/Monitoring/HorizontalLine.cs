namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>A horizontal line on a graph widget: a target or a limit.</summary>
/// <param name="Value">Where on the axis.</param>
/// <param name="Color">Colour as #rrggbb, usually <see cref="Red"/> or <see cref="Orange"/>.</param>
/// <param name="Label">Legend text.</param>
internal sealed record HorizontalLine(double Value, string Color, string Label)
{
    /// <summary>CloudWatch's red (CDK's Color.RED).</summary>
    public const string Red = "#d62728";

    /// <summary>CloudWatch's orange (CDK's Color.ORANGE).</summary>
    public const string Orange = "#ff7f0e";
}
