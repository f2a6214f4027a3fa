namespace Trilho.Compiler.Emit.Delivery;

/// <summary>A parameter of the delivery stack and where the deploy plan takes its value from: a literal, or an output of another stack of the environment.</summary>
/// <param name="Name">Template parameter name.</param>
/// <param name="Literal">Literal value, or null.</param>
/// <param name="FromStack">Stack whose output is the value, or null.</param>
/// <param name="FromRegion">Region of that stack, or null.</param>
/// <param name="Output">Output name in that stack, or null.</param>
public sealed record DeliveryParameter(string Name, string? Literal, string? FromStack, string? FromRegion, string? Output);
