using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>The public entry point: one CloudFront distribution in front of every app.</summary>
public sealed record IngressSpec
{
    /// <summary>Optional name under `domain` that the apps answer on, e.g. `app` for `app.example.com`. Default: `app` when `domain` is set.</summary>
    [StringLength(63)]
    [Pattern(Patterns.HostName, Patterns.HostNameText)]
    public string? Host { get; init; }

    /// <summary>Id of the public Route 53 hosted zone of `domain` (e.g. `Z0123456789ABC`), used to validate the certificate and add the alias record. Required when `domain` is set.</summary>
    [Pattern(Patterns.HostedZoneId, Patterns.HostedZoneIdText)]
    public string? HostedZoneId { get; init; }

    /// <summary>Optional ARN of an existing ACM certificate in us-east-1 covering the public name. Default: Trilho creates and DNS-validates one.</summary>
    [Pattern(Patterns.CertificateArn, Patterns.CertificateArnText)]
    public string? CertificateArn { get; init; }

    /// <summary>Optional: turns the WAF web ACL (AWS managed rules and a per-IP rate limit) on or off. Default: on in `resilient`, off in `economy`.</summary>
    [ProfileDefault(nameof(ProfileDefaults.Firewall))]
    public bool? Firewall { get; init; }
}
