using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Costs;

/// <summary>Collects priced lines for one environment; an item without a price becomes a TRL5002 warning, never a guessed number.</summary>
internal sealed class LineBuilder(string environment, string region)
{
    private readonly List<CostLine> lines = [];
    private readonly List<Diagnostic> diagnostics = [];

    public IReadOnlyList<CostLine> Lines => lines;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>Adds a line whose quantity is the same at baseline and peak.</summary>
    public void Add(string group, string item, string key, decimal quantity, bool global = false) =>
        Add(group, item, key, quantity, quantity, global);

    /// <summary>Adds a line; <paramref name="global"/> prices it in us-east-1, where Trilho places it for every environment.</summary>
    public void Add(string group, string item, string key, decimal quantity, decimal peakQuantity, bool global = false)
    {
        var priceRegion = global ? PriceCatalog.GlobalRegion : region;
        var entry = PriceCatalog.Find(key, priceRegion);
        if (entry is null)
        {
            diagnostics.Add(DiagnosticCatalog.NoPriceForItem.Create(null, key, priceRegion, environment));
            return;
        }

        lines.Add(new CostLine(
            group,
            item,
            quantity,
            peakQuantity,
            entry.Unit,
            entry.Price,
            Cost(quantity, entry.Price),
            Cost(peakQuantity, entry.Price),
            entry.Key,
            entry.Region,
            $"{entry.Source}, {entry.Date}",
            entry.Assumed));
    }

    // Each line is rounded, then totals add the rounded lines, so a table always adds up to its total.
    private static decimal Cost(decimal quantity, decimal price) => Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
}
