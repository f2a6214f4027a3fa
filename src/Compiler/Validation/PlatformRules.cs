using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Validation;

/// <summary>Top-level settings: known regions, and the domain, hosted zone and certificate that must go together.</summary>
internal static class PlatformRules
{
    public static void Check(ValidationContext context)
    {
        CheckRegion(context, context.Spec.Region, "/region");
        foreach (var (environment, spec) in context.Environments)
        {
            CheckRegion(context, spec.Region, JsonPointers.Of("environments", environment, "region"));
        }

        var ingress = context.Spec.Ingress;
        if (context.Spec.Domain is { } domain)
        {
            if (ingress?.HostedZoneId is null)
            {
                context.Report(DiagnosticCatalog.MissingHostedZone, "/domain", false, domain);
            }
        }
        else
        {
            foreach (var (field, set) in new[] { ("host", ingress?.Host), ("hostedZoneId", ingress?.HostedZoneId), ("certificateArn", ingress?.CertificateArn) })
            {
                if (set is not null)
                {
                    context.Report(DiagnosticCatalog.IngressNeedsDomain, JsonPointers.Of("ingress", field), true, field);
                }
            }
        }

        // arn:aws:acm:<region>:<account>:certificate/<id>; the schema checked the shape.
        if (ingress?.CertificateArn?.Split(':') is [_, _, _, var region, ..] && region != "us-east-1")
        {
            context.Report(DiagnosticCatalog.CertificateNotInUsEast1, "/ingress/certificateArn", false, region);
        }
    }

    private static void CheckRegion(ValidationContext context, string? region, string pointer)
    {
        if (region is not null && !KnownRegions.Contains(region))
        {
            var hint = NameSuggestion.Closest(region, KnownRegions.All) is { } match
                ? $"Did you mean '{match}'?"
                : "Use one of the regions listed in docs/platform-yaml.md.";
            context.Report(DiagnosticCatalog.UnknownRegion, pointer, false, region, hint);
        }
    }
}
