using Amazon.CDK.AWS.CloudFront;

namespace Trilho.Compiler.Emit;

/// <summary>Chooses the CloudFront price class that has edge locations near the platform's users.</summary>
public static class PriceClasses
{
    /// <summary>
    /// South America and Oceania are only in the full class; Asia, the Middle East and Africa are in class 200;
    /// North America and Europe are served well by class 100.
    /// </summary>
    public static PriceClass For(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("sa-", StringComparison.Ordinal) || region is "ap-southeast-2" or "ap-southeast-4")
        {
            return PriceClass.PRICE_CLASS_ALL;
        }

        return region.StartsWith("us-", StringComparison.Ordinal) || region.StartsWith("ca-", StringComparison.Ordinal) || region.StartsWith("eu-", StringComparison.Ordinal)
            ? PriceClass.PRICE_CLASS_100
            : PriceClass.PRICE_CLASS_200;
    }
}
