namespace Trilho.Compiler.Costs;

/// <summary>A price with its source, before it is bound to a row and a region.</summary>
/// <param name="Price">USD per unit.</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="Date">Date of the source's data or of the assumption.</param>
/// <param name="Assumed">True when no primary source confirms the figure.</param>
public sealed record PriceSource(decimal Price, string Source, string Date, bool Assumed = false)
{
    /// <summary>Day the assumed figures were set; refresh them when a source appears.</summary>
    public const string AssumptionDate = "2026-11-28";

    /// <summary>infracost test outputs (internal/providers/terraform/aws/testdata), data from mid-2024 to 2026-05.</summary>
    public static PriceSource Ic(decimal price) => new(price, "IC: infracost aws testdata", "2024-06..2026-05");

    /// <summary>aws/karpenter-provider-aws generated EC2 pricing for us-east-1.</summary>
    public static PriceSource Kp(decimal price) => new(price, "KP: karpenter-provider-aws pricing", "2026-01-19");

    /// <summary>yeo/ec2.shop cache of AWS calculator data for EC2.</summary>
    public static PriceSource EsEc2(decimal price) => new(price, "ES: ec2.shop calculator cache", "2025-04-04");

    /// <summary>yeo/ec2.shop cache of AWS calculator data for RDS PostgreSQL.</summary>
    public static PriceSource EsRds(decimal price) => new(price, "ES: ec2.shop calculator cache", "2024-09-28");

    /// <summary>DuckbillGroup/CloudWatchCashBack cloudwatch_pricing.json.</summary>
    public static PriceSource Db(decimal price) => new(price, "DB: CloudWatchCashBack cloudwatch_pricing.json", "2025-04-30");

    /// <summary>fgcalc and a copy of the AWS Fargate pricing page; old, so refresh first.</summary>
    public static PriceSource Fg(decimal price) => new(price, "FG; AF: fgcalc, Fargate pricing page copy", "~2021");

    /// <summary>Top of a published regional range read from a secondary source.</summary>
    public static PriceSource Secondary(decimal price) => new(price, "secondary: top of a published regional range", "undated", Assumed: true);

    /// <summary>No source for this region: the us-east-1 price times 1.5, the low end of the sa-east-1/us-east-1 ratios this catalog does verify.</summary>
    public static PriceSource Uplift(decimal usEast1) => new(usEast1 * 1.5m, "assumed: us-east-1 x 1.5 (no regional source)", AssumptionDate, Assumed: true);

    /// <summary>The us-east-1 source's figure, which the reference says is the same here without confirming it.</summary>
    public static PriceSource SameAssumed(decimal price) => new(price, "assumed: same as us-east-1 (IC)", AssumptionDate, Assumed: true);

    /// <summary>A public AWS list price that the reference does not carry.</summary>
    public static PriceSource Unlisted(decimal price) => new(price, "assumed: AWS list price, not in the reference", AssumptionDate, Assumed: true);
}
