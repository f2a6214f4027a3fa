using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>
/// Applies, per environment: the environment's overrides on the top-level values (<see cref="SpecMerge"/>, recording each
/// value's <see cref="Origin"/>), then the defaults the model declares (constant or per profile), then the few derived ones.
/// </summary>
public static class EnvironmentResolver
{
    /// <summary>Resolves every environment of a semantically valid platform, ordered by environment id.</summary>
    public static ResolvedPlatform Resolve(PlatformSpec spec) => ResolveLayers(spec).Platform;

    /// <summary>
    /// Resolves every environment and keeps, per environment, the merged platform before defaults (what the user wrote,
    /// as validation judges it). Total on any schema-valid spec: resolution runs before validation.
    /// </summary>
    internal static (ResolvedPlatform Platform, IReadOnlyList<EnvironmentLayer> Layers) ResolveLayers(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layers = (spec.Environments ?? new Dictionary<string, EnvironmentSpec>())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => Layer(spec, e.Key, e.Value))
            .ToList();
        var sources = (spec.Apps ?? new Dictionary<string, AppSpec>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => ResolvedSource.For(a.Key, a.Value), StringComparer.Ordinal);
        return (new ResolvedPlatform(spec.Platform!, [.. layers.Select(l => l.Resolved)], spec.Delivery, spec.Usage, sources), layers);
    }

    /// <summary>Resolves one environment.</summary>
    public static ResolvedEnvironment Resolve(PlatformSpec spec, string name, EnvironmentSpec environment) => Layer(spec, name, environment).Resolved;

    private static EnvironmentLayer Layer(PlatformSpec spec, string name, EnvironmentSpec environment)
    {
        var environmentSpec = SpecMerge.WithDefaults(environment, ProfileDefaults.Economy);
        var profile = environmentSpec.Profile!.Value;
        var origins = new Origins(JsonPointers.Of("environments", name));
        var merged = SpecMerge.Environment(spec, name, environment, origins);
        return new EnvironmentLayer(name, profile, merged, origins, Resolve(merged, name, environmentSpec, ProfileDefaults.For(profile), origins));
    }

    // Applies the declared defaults, then the derived ones (written here, each with its reason).
    private static ResolvedEnvironment Resolve(PlatformSpec merged, string name, EnvironmentSpec environment, ProfileDefaults defaults, Origins origins)
    {
        var platform = SpecMerge.WithDefaults(merged, defaults);
        var ingress = SpecMerge.WithDefaults(merged.Ingress ?? new IngressSpec(), defaults);
        var domain = merged.Domain;
        var database = merged.Database is null ? null : ResolveDatabase(SpecMerge.WithDefaults(merged.Database, defaults), defaults);
        var databaseAccess = new HashSet<string>(database?.Access ?? [], StringComparer.Ordinal);

        var teams = (merged.Teams ?? new Dictionary<string, TeamSpec>())
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, Team: SpecMerge.WithDefaults(t.Value, defaults)))
            .Select(t => new ResolvedTeam(t.Key, t.Team.Name ?? t.Key, t.Team.Email ?? string.Empty, t.Team.Phone, t.Team.WatchesAll!.Value))
            .ToList();

        var apps = (merged.Apps ?? new Dictionary<string, AppSpec>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => ResolveApp(a.Key, a.Value, defaults, databaseAccess.Contains(a.Key)))
            .ToList();

        return new ResolvedEnvironment(
            Platform: merged.Platform!,
            Name: name,
            Account: environment.Account!,
            Region: merged.Region!,
            Profile: environment.Profile!.Value,
            Locale: platform.Locale!.Value,
            Domain: domain,
            Ingress: new ResolvedIngress(
                // Without a domain the apps answer on CloudFront's own name: a host or zone has nothing to live under.
                Host: domain is null ? null : ingress.Host ?? Defaults.Host,
                HostedZoneId: domain is null ? null : ingress.HostedZoneId,
                CertificateArn: ingress.CertificateArn,
                Firewall: ingress.Firewall!.Value),
            Network: new ResolvedNetwork(Defaults.VpcCidr, defaults.AvailabilityZones, defaults.Nats, defaults.LogRetentionDays, SpecMerge.WithDefaults(environment.Network ?? new NetworkSpec(), defaults).Egress!.Value),
            Teams: teams,
            Apps: apps,
            Database: database,
            LogRetentionDays: defaults.LogRetentionDays,
            TeamDashboards: SpecMerge.WithDefaults(environment.Monitoring ?? new MonitoringSpec(), defaults).TeamDashboards!.Value)
        {
            AcknowledgedReplacements = [.. environment.AcknowledgedReplacements ?? []],
            Origins = origins,
        };
    }

    private static ResolvedApp ResolveApp(string id, AppSpec written, ProfileDefaults defaults, bool databaseAccess)
    {
        var app = SpecMerge.WithDefaults(written, defaults);
        var slo = SpecMerge.WithDefaults(app.Slo ?? new SloSpec(), defaults);
        var path = app.Path!;
        if (app.Type == AppType.Static)
        {
            return new ResolvedStaticApp(id, app.Team!, path, new ResolvedSlo(slo.Availability!.Value, null))
            {
                Spa = app.Spa!.Value,
                ContentSecurityPolicy = app.ContentSecurityPolicy!,
            };
        }

        var scale = SpecMerge.WithDefaults(app.Scale ?? new ScaleSpec(), defaults);
        return new ResolvedApiApp(
            Id: id,
            Team: app.Team!,
            Path: path,
            Slo: new ResolvedSlo(slo.Availability!.Value, slo.LatencyP95Ms!.Value),
            Port: app.Port!.Value,
            // Derived from the app's path, so the default follows a path override.
            HealthCheck: app.HealthCheck ?? path + Defaults.HealthCheckSuffix,
            Cpu: app.Cpu!.Value,
            Memory: app.Memory!.Value,
            Scale: new ResolvedScale(
                Min: scale.Min!.Value,
                // The profile's max, raised to a written min above it: a min alone never makes the bounds invalid.
                Max: written.Scale?.Max ?? Math.Max(defaults.ScaleMax, written.Scale?.Min ?? 0),
                CpuPercent: scale.CpuPercent!.Value,
                RequestsPerTask: scale.RequestsPerTask!.Value),
            Env: Sorted(app.Env),
            Secrets: Sorted(app.Secrets),
            DatabaseAccess: databaseAccess);
    }

    private static ResolvedDatabase ResolveDatabase(DatabaseSpec database, ProfileDefaults defaults) => new(
        Engine: database.Engine!.Value,
        Version: database.Version!,
        Hostname: database.Hostname!,
        Size: database.Size!.Value,
        InstanceClass: InstanceClassOf(database.Size!.Value),
        StorageGiB: database.StorageGiB!.Value,
        MultiAz: defaults.DatabaseMultiAz,
        DeletionProtection: defaults.DatabaseDeletionProtection,
        BackupRetentionDays: defaults.DatabaseBackupRetentionDays,
        DatabaseName: Defaults.DatabaseName,
        Access: (database.Access ?? []).Order(StringComparer.Ordinal).ToList());

    /// <summary>The RDS instance class of a size.</summary>
    public static string InstanceClassOf(DatabaseSize size) => size switch
    {
        DatabaseSize.Micro => "db.t4g.micro",
        DatabaseSize.Small => "db.t4g.small",
        DatabaseSize.Medium => "db.t4g.medium",
        DatabaseSize.Large => "db.m7g.large",
        _ => "db.m7g.xlarge",
    };

    private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string>? values) =>
        (values ?? new Dictionary<string, string>()).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
}
