namespace Trilho.Compiler.Costs;

/// <summary>Catalog prices of one region for the option comparison; a missing row is null, which propagates to "n/a".</summary>
internal sealed class RegionalPrices(string region)
{
    public decimal? this[string key] => PriceCatalog.Find(key, region)?.Price;

    /// <summary>Prices of resources Trilho places in us-east-1 for every environment.</summary>
    public static decimal? Global(string key) => PriceCatalog.Find(key, PriceCatalog.GlobalRegion)?.Price;
}
