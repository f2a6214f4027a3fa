using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>One environment of the sample placed in one region, with its full estimate.</summary>
/// <param name="Label">Short label, e.g. <c>prod sa-east-1</c>.</param>
/// <param name="Environment">The resolved environment, its region replaced.</param>
/// <param name="Estimate">The estimate of what Trilho deploys there.</param>
public sealed record ComparisonScenario(string Label, ResolvedEnvironment Environment, CostEstimate Estimate);
