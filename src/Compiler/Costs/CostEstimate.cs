using System.Globalization;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Costs;

/// <summary>The monthly cost estimate of one environment: its lines, the assumptions behind them and any warning.</summary>
/// <param name="Platform">Platform name.</param>
/// <param name="Environment">Environment id, e.g. <c>dev</c>.</param>
/// <param name="Region">The environment's region.</param>
/// <param name="Priced">False when the region has no prices: there are no lines and no totals.</param>
/// <param name="Lines">Billed items, in a fixed order.</param>
/// <param name="Assumptions">Volumes and rules used.</param>
/// <param name="Diagnostics">TRL5xxx warnings; any one means the totals are incomplete.</param>
public sealed record CostEstimate(
    string Platform,
    string Environment,
    string Region,
    bool Priced,
    IReadOnlyList<CostLine> Lines,
    IReadOnlyList<CostAssumption> Assumptions,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Currency of every figure.</summary>
    public const string Currency = "USD";

    /// <summary>USD a month with every api app at <c>scale.min</c>; null without prices for the region.</summary>
    public decimal? MonthlyTotal => Priced ? Lines.Sum(l => l.MonthlyCost) : null;

    /// <summary>USD a month with every api app at <c>scale.max</c>; null without prices for the region.</summary>
    public decimal? PeakMonthlyTotal => Priced ? Lines.Sum(l => l.PeakMonthlyCost) : null;

    /// <summary>True when every item was priced, so the totals are not a lower bound.</summary>
    public bool Complete => Priced && !Diagnostics.Any(d => d.Id == DiagnosticCatalog.NoPriceForItem.Id);

    /// <summary>
    /// One line for build logs, e.g. <c>desafio-dev (sa-east-1): estimated USD 123.45/month at scale.min, USD 150.00 at scale.max (3 of 28 lines use assumed prices); see cost-estimate.md</c>.
    /// </summary>
    public string ToSummaryLine()
    {
        var name = $"{Platform}-{Environment} ({Region})";
        if (!Priced)
        {
            return $"{name}: no cost estimate: no prices for region {Region} (TRL5001)";
        }

        var bound = Complete ? string.Empty : "at least ";
        var assumed = Lines.Count(l => l.Assumed);
        return $"{name}: estimated {bound}{Currency} {Money(MonthlyTotal!.Value)}/month at scale.min, {bound}{Currency} {Money(PeakMonthlyTotal!.Value)} at scale.max ({assumed} of {Lines.Count} lines use assumed prices); see cost-estimate.md";
    }

    /// <summary>Money in invariant culture with two decimals, e.g. <c>1234.50</c>.</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
