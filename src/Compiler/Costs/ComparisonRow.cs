namespace Trilho.Compiler.Costs;

/// <summary>One option of the comparison with its monthly USD cost per scenario (null where a price is missing).</summary>
/// <param name="Section">What is compared, e.g. <c>Compute for the api apps</c>.</param>
/// <param name="Option">The option, e.g. <c>ECS Fargate</c>.</param>
/// <param name="Chosen">True for what Trilho deploys.</param>
/// <param name="Costs">Monthly USD per scenario, in the order of the comparison's scenarios.</param>
public sealed record ComparisonRow(string Section, string Option, bool Chosen, IReadOnlyList<decimal?> Costs);
