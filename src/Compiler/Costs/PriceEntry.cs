namespace Trilho.Compiler.Costs;

/// <summary>One on-demand price in one region, with where it came from so a reader can audit and refresh it.</summary>
/// <param name="Key">Stable key the estimator looks up, e.g. <c>fargate.vcpu</c>.</param>
/// <param name="Region">AWS region the price applies to, e.g. <c>sa-east-1</c>.</param>
/// <param name="Service">AWS service, e.g. <c>Fargate x86</c>.</param>
/// <param name="Dimension">What is billed, e.g. <c>vCPU</c>.</param>
/// <param name="Unit">Billing unit, e.g. <c>vCPU-hour</c> or <c>1M requests</c>.</param>
/// <param name="Price">USD per unit.</param>
/// <param name="Source">Where the figure comes from (docs/costs.md lists the source keys).</param>
/// <param name="Date">Date (or range) of the source's data, or of the assumption when <paramref name="Assumed"/>.</param>
/// <param name="Assumed">True when no primary source confirms the figure for this region.</param>
public sealed record PriceEntry(
    string Key,
    string Region,
    string Service,
    string Dimension,
    string Unit,
    decimal Price,
    string Source,
    string Date,
    bool Assumed);
