using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

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

        var reported = new HashSet<(string, string)>();
        var publicNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var zoneAccounts = new Dictionary<string, (string Environment, string Account)>(StringComparer.Ordinal);
        foreach (var layer in context.Layers)
        {
            var environment = layer.Name;
            var spec = context.Environments[environment];
            var ingress = layer.Written.Ingress ?? new IngressSpec();
            var domainPointer = layer.Origins.Of("domain").Pointer;
            string IngressPointer(string field) => layer.Origins.Of("ingress", field).Pointer;
            void ReportOnce(DiagnosticDescriptor descriptor, string pointer, bool preferKey, params object?[] args)
            {
                if (reported.Add((descriptor.Id, pointer)))
                {
                    context.Report(descriptor, pointer, preferKey, args);
                }
            }

            if (layer.Written.Domain is { } domain)
            {
                if (ingress.HostedZoneId is null)
                {
                    ReportOnce(DiagnosticCatalog.MissingHostedZone, domainPointer, false, domain);
                    continue;
                }

                var publicName = $"{layer.Resolved.Ingress.Host}.{domain}";
                if (string.Equals(ingress.Host, ResolvedEnvironment.PrivateSubdomain, StringComparison.OrdinalIgnoreCase))
                {
                    ReportOnce(DiagnosticCatalog.HostInPrivateZone, IngressPointer("host"), false, publicName);
                }

                // https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html: DomainName, 1 to 64 characters.
                if (ingress.CertificateArn is null && publicName.Length > 64)
                {
                    ReportOnce(DiagnosticCatalog.PublicNameTooLong, ingress.Host is null ? domainPointer : IngressPointer("host"), false, publicName, publicName.Length);
                }

                if (publicNames.TryGetValue(publicName, out var first))
                {
                    ReportOnce(DiagnosticCatalog.SharedPublicName, JsonPointers.Of("environments", environment), true, first, environment, publicName);
                }
                else
                {
                    publicNames[publicName] = environment;
                }

                if (spec.Account is { } account && zoneAccounts.TryGetValue(ingress.HostedZoneId, out var owner) && owner.Account != account)
                {
                    ReportOnce(DiagnosticCatalog.HostedZoneInAnotherAccount, IngressPointer("hostedZoneId"), false,
                        ingress.HostedZoneId, owner.Environment, owner.Account, environment, account);
                }
                else if (spec.Account is { } zoneAccount)
                {
                    zoneAccounts.TryAdd(ingress.HostedZoneId, (environment, zoneAccount));
                }
            }
            else
            {
                foreach (var (field, value) in new (string, Func<IngressSpec?, string?>)[] { ("host", i => i?.Host), ("hostedZoneId", i => i?.HostedZoneId), ("certificateArn", i => i?.CertificateArn) })
                {
                    if (value(ingress) is not null)
                    {
                        ReportOnce(DiagnosticCatalog.IngressNeedsDomain, IngressPointer(field), true, field);
                    }
                }
            }

            // arn:aws:acm:<region>:<account>:certificate/<id>; the schema checked the shape.
            if (ingress.CertificateArn?.Split(':') is [_, _, _, var region, ..] && region != "us-east-1")
            {
                ReportOnce(DiagnosticCatalog.CertificateNotInUsEast1, IngressPointer("certificateArn"), false, region);
            }
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
