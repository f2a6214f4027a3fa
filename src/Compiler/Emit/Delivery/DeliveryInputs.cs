using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>What the delivery stack imports: the distribution the teams may invalidate and each static app's bucket.</summary>
/// <param name="DistributionId">The edge stack's distribution.</param>
/// <param name="StaticApps">The static apps and their buckets, in any order.</param>
public sealed record DeliveryInputs(StackOutput DistributionId, IReadOnlyList<DeliveredStaticApp> StaticApps);

/// <summary>A static app and the bucket its team uploads to.</summary>
/// <param name="App">The app.</param>
/// <param name="BucketName">Its app stack's bucket.</param>
public sealed record DeliveredStaticApp(ResolvedStaticApp App, StackOutput BucketName);
