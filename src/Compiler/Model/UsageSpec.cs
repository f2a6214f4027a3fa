using System.ComponentModel.DataAnnotations;

namespace Trilho.Compiler.Model;

/// <summary>
/// Traffic and storage volumes the cost estimate assumes for volume-billed services (requests, GB transferred, log GB).
/// They never change what is deployed. Each value applies to every environment; unset values take the defaults of the
/// environment's profile (economy / resilient), listed per property and in docs/costs.md.
/// </summary>
public sealed record UsageSpec
{
    /// <summary>HTTP requests per month reaching CloudFront, all apps together. Default: 1000000 in `economy`, 5000000 in `resilient`.</summary>
    [Range(0d, 1e13)]
    public long? RequestsPerMonth { get; init; }

    /// <summary>Percent of those requests (and of the GB sent) that go to api apps through the load balancer (0-100). Default: 50.</summary>
    [Range(0, 100)]
    public int? ApiRequestsPercent { get; init; }

    /// <summary>GB per month CloudFront sends to viewers. Default: 10 in `economy`, 50 in `resilient`.</summary>
    [Range(0d, 1e9)]
    public double? GbOutPerMonth { get; init; }

    /// <summary>GB per month of app logs and VPC flow logs ingested into CloudWatch Logs. Default: 1 in `economy`, 5 in `resilient`.</summary>
    [Range(0d, 1e9)]
    public double? LogGbPerMonth { get; init; }

    /// <summary>GB per month processed by the NAT gateways (image pulls, calls to outside APIs). Default: 5 in `economy`, 20 in `resilient`.</summary>
    [Range(0d, 1e9)]
    public double? NatGbPerMonth { get; init; }

    /// <summary>GB stored in the bucket of each static app. Default: 1.</summary>
    [Range(0d, 1e9)]
    public double? StaticGbPerApp { get; init; }

    /// <summary>GB of container images kept in the ECR repository of each api app. Default: 2.</summary>
    [Range(0d, 1e9)]
    public double? ImageGbPerApp { get; init; }

    /// <summary>Percent of the database's storage that changes per day, which sizes incremental backups (0-100). Default: 2.</summary>
    [Range(0d, 100d)]
    public double? DatabaseChangePercentPerDay { get; init; }
}
