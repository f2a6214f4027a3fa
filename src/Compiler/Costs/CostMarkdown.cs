using System.Text;

namespace Trilho.Compiler.Costs;

/// <summary>An estimate as a Markdown page: totals, a table of lines and the assumptions. Used by cost-estimate.md and <c>trilho cost</c>.</summary>
public static class CostMarkdown
{
    /// <summary>The page for <paramref name="estimate"/>, with <c>\n</c> line ends.</summary>
    public static string Render(CostEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var text = new StringBuilder();
        text.Append("# Cost estimate: ").Append(estimate.Platform).Append('-').Append(estimate.Environment).Append(" (").Append(estimate.Region).Append(")\n\n");
        foreach (var diagnostic in estimate.Diagnostics)
        {
            text.Append("> warning ").Append(diagnostic.Id).Append(": ").Append(diagnostic.Message).Append('\n');
        }

        if (estimate.Diagnostics.Count > 0)
        {
            text.Append('\n');
        }

        if (!estimate.Priced)
        {
            return text.ToString();
        }

        var bound = estimate.Complete ? string.Empty : " (lower bound)";
        text.Append("Monthly total, every api app at scale.min: **").Append(CostEstimate.Currency).Append(' ').Append(CostFormat.Money(estimate.MonthlyTotal!.Value)).Append("**").Append(bound).Append('\n');
        text.Append("Monthly total, every api app at scale.max: **").Append(CostEstimate.Currency).Append(' ').Append(CostFormat.Money(estimate.PeakMonthlyTotal!.Value)).Append("**").Append(bound).Append("\n\n");
        text.Append("| Group | Item | Quantity | Peak quantity | Unit | Unit price | Monthly | Peak monthly | Source |\n");
        text.Append("|---|---|---:|---:|---|---:|---:|---:|---|\n");
        foreach (var line in estimate.Lines)
        {
            text.Append("| ").Append(line.Group)
                .Append(" | ").Append(line.Item)
                .Append(" | ").Append(CostFormat.Quantity(line.Quantity))
                .Append(" | ").Append(CostFormat.Quantity(line.PeakQuantity))
                .Append(" | ").Append(line.Unit)
                .Append(" | ").Append(CostFormat.UnitPrice(line.UnitPrice))
                .Append(" | ").Append(CostFormat.Money(line.MonthlyCost))
                .Append(" | ").Append(CostFormat.Money(line.PeakMonthlyCost))
                .Append(" | ").Append(line.Assumed ? "**assumed** " : string.Empty).Append(line.Source).Append(" (").Append(line.PriceRegion).Append(')')
                .Append(" |\n");
        }

        text.Append("\nAssumptions:\n\n");
        foreach (var assumption in estimate.Assumptions)
        {
            text.Append("- `").Append(assumption.Name).Append("` = ").Append(assumption.Value).Append(": ").Append(assumption.Description).Append('\n');
        }

        return text.ToString();
    }
}
