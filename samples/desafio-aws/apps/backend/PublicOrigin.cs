using System.Net;

namespace Trilho.Samples.Backend;

/// <summary>
/// Behind CloudFront and the internal load balancer the request says Host = the load balancer's name and
/// scheme = http (docs/app-contract.md, "Public origin"). This puts the public origin back on every request so
/// that absolute URLs, redirects and the OpenAPI servers list use it: scheme and host from APP_PUBLIC_URL (a
/// value the platform sets, so a viewer cannot spoof it), else from the X-Forwarded-Host CloudFront sets; the
/// client address is the X-Forwarded-For entry CloudFront appended, the last but one (the load balancer appends
/// the last).
/// </summary>
public static class PublicOrigin
{
    /// <param name="app">The pipeline.</param>
    /// <param name="origin">APP_PUBLIC_URL (<see cref="ServiceOptions.PublicOrigin"/>, validated https), or null.</param>
    public static IApplicationBuilder UsePublicOrigin(this IApplicationBuilder app, Uri? origin)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (origin is not null)
            {
                request.Scheme = origin.Scheme;
                request.Host = new HostString(origin.Authority);
            }
            else if (request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } forwardedHost)
            {
                request.Scheme = Uri.UriSchemeHttps;
                request.Host = new HostString(forwardedHost);
            }

            var chain = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (chain.Length >= 2 && IPAddress.TryParse(chain[^2], out var viewer))
            {
                context.Connection.RemoteIpAddress = viewer;
            }

            return next(context);
        });
    }
}
