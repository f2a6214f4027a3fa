using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>The root of platform.yaml: one platform, its teams, apps, database and environments.</summary>
public sealed record PlatformSpec
{
    /// <summary>Lowercase, DNS-safe name (letters, digits, hyphens; 2-20 characters) that prefixes every stack and resource name, e.g. `desafio`.</summary>
    [Required]
    [Pattern(Patterns.PlatformName, Patterns.PlatformNameText)]
    public string? Platform { get; init; }

    /// <summary>Default AWS region of every environment, e.g. `sa-east-1`. An environment may override it.</summary>
    [Required]
    [Pattern(Patterns.Region, Patterns.RegionText)]
    public string? Region { get; init; }

    /// <summary>Optional DNS domain, e.g. `example.com`. Apps answer on `host.domain`; the database on `hostname.internal.domain` in a private zone for `internal.domain` only. Default: no domain; apps answer on CloudFront's own name and the database on `hostname.platform.internal`.</summary>
    [StringLength(253)]
    [Pattern(Patterns.Domain, Patterns.DomainText)]
    public string? Domain { get; init; }

    /// <summary>Language of dashboards and alarm texts: `en` or `pt-BR`. Default: `en`.</summary>
    [DefaultValue(Model.Locale.En)]
    public Locale? Locale { get; init; }

    /// <summary>The teams that own apps or watch the platform, by id. Each app names its owning team.</summary>
    [Required]
    [MinLength(1)]
    [KeyPattern(Patterns.Id, Patterns.IdText)]
    public IReadOnlyDictionary<string, TeamSpec>? Teams { get; init; }

    /// <summary>How traffic reaches the apps: public name, certificate and firewall. Default: CloudFront's own name, no custom certificate, firewall per profile.</summary>
    public IngressSpec? Ingress { get; init; }

    /// <summary>The apps, by id (lowercase, DNS-safe). All share one public name, each under its own path.</summary>
    [Required]
    [MinLength(1)]
    [KeyPattern(Patterns.Id, Patterns.IdText)]
    public IReadOnlyDictionary<string, AppSpec>? Apps { get; init; }

    /// <summary>Optional relational database shared by the apps listed in its `access`. Default: no database.</summary>
    public DatabaseSpec? Database { get; init; }

    /// <summary>The stages to deploy (e.g. `dev`, `prod`), by id; each is a full copy of the platform in one AWS account.</summary>
    [Required]
    [MinLength(1)]
    [KeyPattern(Patterns.EnvironmentId, Patterns.EnvironmentIdText)]
    public IReadOnlyDictionary<string, EnvironmentSpec>? Environments { get; init; }

    /// <summary>Optional traffic and storage volumes for the cost estimate only (requests, GB out, log GB, NAT GB, stored GB); nothing deployed depends on them. Default: per profile, e.g. 1000000 requests, 10 GB out, 1 log GB, 5 NAT GB a month in `economy` and 5000000, 50, 5, 20 in `resilient`; see docs/costs.md.</summary>
    public UsageSpec? Usage { get; init; }

    /// <summary>Optional delivery source: the GitHub repository whose workflows deploy through OIDC roles Trilho emits (a `&lt;platform&gt;-&lt;env&gt;-delivery` stack). Default: no delivery stack; deploy with your own credentials.</summary>
    public DeliverySpec? Delivery { get; init; }
}
