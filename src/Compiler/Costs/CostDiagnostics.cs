using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Costs;

/// <summary>Warnings of the cost estimate (TRL5xxx). Listed in docs/diagnostics-costs.md; ids are never reused.</summary>
public static class CostDiagnostics
{
    /// <summary>The environment's region has no prices, so the estimate is left out instead of guessed.</summary>
    public static readonly DiagnosticDescriptor NoPricesForRegion = new(
        "TRL5001",
        DiagnosticSeverity.Warning,
        "no prices for region '{0}': the cost estimate of environment '{1}' is left out rather than guessed.",
        "Estimates exist for us-east-1 and sa-east-1; add the region's rows, with their sources, to src/Compiler/Costs/PriceCatalog.cs.");

    /// <summary>One item has no price in the region, so the totals leave it out and are a lower bound.</summary>
    public static readonly DiagnosticDescriptor NoPriceForItem = new(
        "TRL5002",
        DiagnosticSeverity.Warning,
        "no price for '{0}' in {1}: the cost estimate of environment '{2}' leaves it out, so its totals are a lower bound.",
        "Add the row, with its source, to src/Compiler/Costs/PriceCatalog.cs, or choose a priced option (database size micro, small or medium).");

    /// <summary>A value of the <c>usage</c> section is out of range, so the estimate uses the default instead.</summary>
    public static readonly DiagnosticDescriptor UsageOutOfRange = new(
        "TRL5003",
        DiagnosticSeverity.Warning,
        "usage.{0} is {1}: a volume must be {2}, so the cost estimate uses the profile's default instead.",
        "Set usage.{0} to a value from {2}, or remove it to use the default.");
}
