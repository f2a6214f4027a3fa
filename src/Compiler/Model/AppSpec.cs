using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>One app. Under `environments.&lt;id&gt;.apps` the same shape is partial and overrides the app in that environment.</summary>
public sealed record AppSpec
{
    /// <summary>`api`: a container on ECS Fargate behind the load balancer. `static`: files in S3 served by CloudFront.</summary>
    [Required]
    [NotOverridable]
    public AppType? Type { get; init; }

    /// <summary>Id of the owning team (a key of `teams`); it receives this app's alerts.</summary>
    [Required]
    [Pattern(Patterns.Id, Patterns.IdText)]
    public string? Team { get; init; }

    /// <summary>Path the app answers on under the public name, e.g. `/backend`. Starts with `/`, is not `/`, and does not overlap another app's path.</summary>
    [Required]
    [StringLength(128)]
    [Pattern(Patterns.AppPath, Patterns.AppPathText)]
    public string? Path { get; init; }

    /// <summary>api only: port the container listens on (1-65535). Default: 8080.</summary>
    [Range(1, 65535)]
    [AppliesTo(AppType.Api)]
    [DefaultValue(Defaults.Port)]
    public int? Port { get; init; }

    /// <summary>api only: path the load balancer polls for health, answered with HTTP 200-399. Default: `&lt;path&gt;/health`.</summary>
    [StringLength(255)]
    [Pattern(Patterns.HealthCheckPath, Patterns.HealthCheckPathText)]
    [AppliesTo(AppType.Api)]
    public string? HealthCheck { get; init; }

    /// <summary>api only: Fargate CPU units per task (256 = 1/4 vCPU; 256, 512, 1024, 2048 or 4096). Default: 256.</summary>
    [AllowedValues(256, 512, 1024, 2048, 4096)]
    [AppliesTo(AppType.Api)]
    [DefaultValue(Defaults.Cpu)]
    public int? Cpu { get; init; }

    /// <summary>api only: memory per task in MiB, valid for the chosen `cpu`. Default: 512.</summary>
    [Range(512, 30720)]
    [AppliesTo(AppType.Api)]
    [DefaultValue(Defaults.Memory)]
    public int? Memory { get; init; }

    /// <summary>api only: autoscaling bounds and targets. Default: per profile (`economy` 1-2 tasks, `resilient` 2-10), 60% CPU, 500 requests per task per minute.</summary>
    [AppliesTo(AppType.Api)]
    public ScaleSpec? Scale { get; init; }

    /// <summary>api only: plain environment variables, name to value. Never put secrets here: use `secrets`. Default: none.</summary>
    [KeyPattern(Patterns.EnvName, Patterns.EnvNameText)]
    [AppliesTo(AppType.Api)]
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>api only: environment variables read from AWS Secrets Manager at task start, variable name to secret name (or ARN) in the environment's account. Default: none.</summary>
    [KeyPattern(Patterns.EnvName, Patterns.EnvNameText)]
    [AppliesTo(AppType.Api)]
    public IReadOnlyDictionary<string, string>? Secrets { get; init; }

    /// <summary>static only: a single-page app. `true`: a path under the app without a file extension (a client-side route such as `/web/orders/42`) serves the app's `index.html` with 200. Default: `false`, such paths serve the app's own `404.html` with status 404.</summary>
    [AppliesTo(AppType.Static)]
    [DefaultValue(false)]
    public bool? Spa { get; init; }

    /// <summary>static only: the Content-Security-Policy header CloudFront adds to the app's responses (at most 1783 characters, one line). Default: `default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'`: scripts, styles, images, fonts and API calls only from the app's own public name.</summary>
    [StringLength(1783)]
    [Pattern(Patterns.HeaderValue, Patterns.HeaderValueText)]
    [AppliesTo(AppType.Static)]
    [DefaultValue(Defaults.ContentSecurityPolicy)]
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>Where the app's code is and how it is built: what `trilho push-image` (api) and `trilho publish-static` (static) read. The same in every environment (not allowed in an environment's override). Default: the folder `apps/&lt;id&gt;` beside platform.yaml, built from its `Dockerfile` (api) or published as it is (static).</summary>
    [NotOverridable]
    public AppSourceSpec? Source { get; init; }

    /// <summary>Service level objective that drives alarms and dashboards. Default: 99.5% availability and, for api apps, 1000 ms p95 latency.</summary>
    public SloSpec? Slo { get; init; }
}
