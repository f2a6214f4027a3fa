namespace Trilho.Compiler.Emit;

/// <summary>A static app's bucket as the edge stack receives it (template parameters).</summary>
/// <param name="AppId">The app.</param>
/// <param name="Path">The app path, e.g. <c>/frontend</c>.</param>
/// <param name="BucketName">Bucket name.</param>
/// <param name="BucketRegionalDomainName">Bucket regional domain name, the origin CloudFront calls.</param>
public sealed record StaticOrigin(string AppId, string Path, string BucketName, string BucketRegionalDomainName);
