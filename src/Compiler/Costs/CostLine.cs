namespace Trilho.Compiler.Costs;

/// <summary>One billed item of an estimate, at the baseline (every api app at <c>scale.min</c>) and at the peak (<c>scale.max</c>).</summary>
/// <param name="Group">What part of the environment it belongs to, e.g. <c>Network</c>.</param>
/// <param name="Item">What is billed, e.g. <c>NAT gateway hours</c>.</param>
/// <param name="Quantity">Units per month at the baseline.</param>
/// <param name="PeakQuantity">Units per month at the peak.</param>
/// <param name="Unit">Billing unit of the price.</param>
/// <param name="UnitPrice">USD per unit.</param>
/// <param name="MonthlyCost">USD per month at the baseline, rounded to cents.</param>
/// <param name="PeakMonthlyCost">USD per month at the peak, rounded to cents.</param>
/// <param name="PriceKey">Key of the catalog row.</param>
/// <param name="PriceRegion">Region of the catalog row (us-east-1 for resources placed there for every environment).</param>
/// <param name="Source">Source and date of the price.</param>
/// <param name="Assumed">True when the price is an assumption.</param>
public sealed record CostLine(
    string Group,
    string Item,
    decimal Quantity,
    decimal PeakQuantity,
    string Unit,
    decimal UnitPrice,
    decimal MonthlyCost,
    decimal PeakMonthlyCost,
    string PriceKey,
    string PriceRegion,
    string Source,
    bool Assumed);
