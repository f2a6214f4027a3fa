namespace Trilho.Compiler.Emit.Delivery;

/// <summary>Where a static app's files go and which distribution serves them, as parameter tokens, with the conditions that say whether they are known yet.</summary>
internal sealed record StaticAppTarget(string Bucket, string BucketCondition, string DistributionId, string DistributionCondition);
