using Microsoft.Extensions.Options;

namespace Trilho.Samples.Backend;

/// <summary>
/// How the service is reached: the variables the platform injects into every api app (docs/app-contract.md), bound by
/// their exact names. Validated at start, so a wrong value stops the task with the variable's name instead of failing
/// on the first request.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>PORT: the port to listen on, on every interface. Default 8080.</summary>
    [ConfigurationKeyName("PORT")]
    public int Port { get; set; } = 8080;

    /// <summary>APP_BASE_PATH: the prefix of every route, as the load balancer forwards it. Default <c>/backend</c>.</summary>
    [ConfigurationKeyName("APP_BASE_PATH")]
    public string BasePath { get; set; } = "/backend";

    /// <summary>APP_PUBLIC_URL: the https URL viewers use; unset in environments without a domain.</summary>
    [ConfigurationKeyName("APP_PUBLIC_URL")]
    public string? PublicUrl { get; set; }

    /// <summary><see cref="BasePath"/> with one leading and no trailing slash; empty for the root.</summary>
    public string RoutePrefix
    {
        get
        {
            var trimmed = BasePath.Trim().TrimEnd('/');
            return trimmed.Length == 0 || trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
        }
    }

    /// <summary>The scheme and host of <see cref="PublicUrl"/>, or null when it is unset.</summary>
    public Uri? PublicOrigin => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl, UriKind.Absolute);
}

/// <summary>The rules <see cref="ServiceOptions"/> must meet, each failure naming its variable.</summary>
public sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"PORT must be a TCP port (1-65535), got '{options.Port}'");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl)
            && (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var origin) || origin.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"APP_PUBLIC_URL must be an absolute https URL, got '{options.PublicUrl}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
