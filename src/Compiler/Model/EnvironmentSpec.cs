using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>One stage (e.g. `dev`, `prod`): a full copy of the platform in one AWS account, with profile defaults and overrides.</summary>
public sealed record EnvironmentSpec
{
    /// <summary>12-digit AWS account id the environment deploys into, quoted, e.g. `"111111111111"`.</summary>
    [Required]
    [Pattern(Patterns.Account, Patterns.AccountText)]
    public string? Account { get; init; }

    /// <summary>Optional AWS region for this environment. Default: the top-level `region`.</summary>
    [Pattern(Patterns.Region, Patterns.RegionText)]
    [OverrideShape]
    public string? Region { get; init; }

    /// <summary>Defaults for cost versus resilience: `economy` (one NAT instance, single-AZ database, short retention) or `resilient` (NAT per zone, Multi-AZ database, deletion protection, firewall). Default: `economy`.</summary>
    [DefaultValue(Model.Profile.Economy)]
    public Profile? Profile { get; init; }

    /// <summary>Optional DNS domain for this environment, e.g. `dev.example.com`, so each environment has its own public name and private zone. Default: the top-level `domain`.</summary>
    [StringLength(253)]
    [Pattern(Patterns.Domain, Patterns.DomainText)]
    [OverrideShape]
    public string? Domain { get; init; }

    /// <summary>Optional network settings of this environment (how the private subnets reach the internet). Default: the profile's (`economy`: a NAT instance; `resilient`: a NAT gateway per zone).</summary>
    public NetworkSpec? Network { get; init; }

    /// <summary>Optional monitoring settings of this environment (whether each team gets a technical dashboard). Default: the profile's (`economy`: the operations dashboard only; `resilient`: also a technical dashboard per team).</summary>
    public MonitoringSpec? Monitoring { get; init; }

    /// <summary>Optional ingress overrides for this environment (e.g. the `hostedZoneId` of its own domain, which must live in its account); same shape as `ingress`, only the fields to change. Default: none.</summary>
    [OverrideShape]
    public IngressSpec? Ingress { get; init; }

    /// <summary>Optional per-app overrides in this environment, by app id; same shape as `apps`, only the fields to change. Default: none.</summary>
    [OverrideShape]
    [KeyPattern(Patterns.Id, Patterns.IdText)]
    public IReadOnlyDictionary<string, AppSpec>? Apps { get; init; }

    /// <summary>Optional database overrides in this environment; same shape as `database`, only the fields to change. Default: none.</summary>
    [OverrideShape]
    public DatabaseSpec? Database { get; init; }

    /// <summary>Optional list of resources (`stack/LogicalId`, as `trilho diff` prints them) that the next deploy may replace or delete although they hold data or identity (database, bucket, key, zone, repository...); `trilho diff` reports them as acknowledged instead of failing. Review it in the pull request and empty it after the deploy. Default: none; `trilho diff` fails on any replacement or deletion of such a resource (docs/safe-changes.md).</summary>
    [Pattern(Patterns.StackResource, Patterns.StackResourceText)]
    public IReadOnlyList<string>? AcknowledgedReplacements { get; init; }
}
