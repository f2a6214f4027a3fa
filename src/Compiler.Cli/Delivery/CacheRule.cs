using System.Text.RegularExpressions;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// The Cache-Control a published file gets, by kind. The distribution's cache policy for static paths follows the
/// header (docs/delivery.md, "What publish-static uploads", lists the same rules; a test keeps them equal).
/// </summary>
/// <param name="Kind">Name of the kind, as the docs table says it.</param>
/// <param name="CacheControl">The header value.</param>
/// <param name="Order">Upload order: files that pages reference go up before the pages that reference them.</param>
public sealed partial record CacheRule(string Kind, string CacheControl, int Order)
{
    /// <summary>Files whose name carries a content hash (<c>app.3f9a1c2b.js</c>, <c>index-BkU2x9_q.css</c>) or that sit under <c>assets/</c>: a new release uses new names, so caches may keep them for a year.</summary>
    public static CacheRule Hashed { get; } = new("hashed asset", "public, max-age=31536000, immutable", 0);

    /// <summary>Other files at stable names (favicon.ico, robots.txt, images): they may change in place, so caches check again after five minutes.</summary>
    public static CacheRule Other { get; } = new("other file", "public, max-age=300", 1);

    /// <summary>
    /// HTML pages name the assets of their release: browsers revalidate them on every request, while CloudFront keeps
    /// them a minute (it prefers s-maxage, https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html),
    /// so a traffic spike reaches S3 about once a minute per edge location; a release's invalidation clears them at once.
    /// They go up last.
    /// </summary>
    public static CacheRule Html { get; } = new("HTML page", "public, max-age=0, s-maxage=60, must-revalidate", 2);

    /// <summary>Every rule, in upload order.</summary>
    public static IReadOnlyList<CacheRule> All { get; } = [Hashed, Other, Html];

    /// <summary>The rule for a file at <paramref name="relativePath"/> ('/' separators) inside the published folder.</summary>
    public static CacheRule For(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return Html;
        }

        return relativePath.StartsWith("assets/", StringComparison.Ordinal) || HashInName().IsMatch(name) ? Hashed : Other;
    }

    /// <summary>True for a dotfile or a file inside a dot-folder (.git, .env, .DS_Store): never published.</summary>
    public static bool IsHidden(string relativePath) =>
        relativePath is null ? throw new ArgumentNullException(nameof(relativePath)) : relativePath.Split('/').Any(segment => segment.StartsWith('.'));

    // A bundler's content hash: 8 or more hex or base64url characters, with at least one digit, between '.' or '-' and the extension.
    [GeneratedRegex(@"[.-](?=[A-Za-z0-9_]*[0-9])[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex HashInName();
}
