namespace Trilho.Compiler.Costs;

/// <summary>One volume or rule the estimate assumes, printed with every estimate.</summary>
/// <param name="Name">Name, matching the <c>usage</c> key when platform.yaml can override it.</param>
/// <param name="Value">The value used, in invariant culture.</param>
/// <param name="Description">What it means and where it comes from.</param>
public sealed record CostAssumption(string Name, string Value, string Description);
