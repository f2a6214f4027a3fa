using System.Globalization;

namespace Trilho.Compiler.Costs;

/// <summary>Invariant, fixed formats for every number Trilho writes about cost, so output is byte-identical on every machine.</summary>
public static class CostFormat
{
    /// <summary>Money: two decimals, e.g. <c>12.50</c>.</summary>
    public static string Money(decimal value) => CostEstimate.Money(value);

    /// <summary>A quantity: up to four decimals, e.g. <c>182.5</c>.</summary>
    public static string Quantity(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A unit price: up to ten decimals, e.g. <c>0.0000166667</c>.</summary>
    public static string UnitPrice(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
