namespace Trilho.Compiler.Emit;

/// <summary>A static app's bucket as the edge stack receives it (template parameters).</summary>
/// <param name="AppId">The app.</param>
/// <param name="Path">The app path, e.g. <c>/frontend</c>.</param>
/// <param name="BucketName">Bucket name.</param>
/// <param name="BucketRegionalDomainName">Bucket regional domain name, the origin CloudFront calls.</param>
/// <param name="Spa">Paths without a file extension serve index.html (true) or 404.html with 404 (false).</param>
/// <param name="ContentSecurityPolicy">The Content-Security-Policy header of the app's responses.</param>
public sealed record StaticOrigin(string AppId, string Path, string BucketName, string BucketRegionalDomainName, bool Spa, string ContentSecurityPolicy);
