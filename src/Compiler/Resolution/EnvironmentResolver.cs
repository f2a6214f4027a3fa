using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>Applies, per environment: global defaults, then profile defaults, then top-level values, then the environment's overrides.</summary>
public static class EnvironmentResolver
{
    /// <summary>Resolves every environment of a semantically valid platform, ordered by environment id.</summary>
    public static ResolvedPlatform Resolve(PlatformSpec spec)
    {
        var environments = (spec.Environments ?? new Dictionary<string, EnvironmentSpec>())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => Resolve(spec, e.Key, e.Value))
            .ToList();
        var sources = (spec.Apps ?? new Dictionary<string, AppSpec>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => ResolvedSource.For(a.Key, a.Value), StringComparer.Ordinal);
        return new ResolvedPlatform(spec.Platform!, environments, spec.Delivery, spec.Usage, sources);
    }

    /// <summary>Resolves one environment.</summary>
    public static ResolvedEnvironment Resolve(PlatformSpec spec, string name, EnvironmentSpec environment)
    {
        var profile = environment.Profile ?? Profile.Economy;
        var defaults = ProfileDefaults.For(profile);
        var ingress = Merge(spec.Ingress, environment.Ingress);
        var domain = environment.Domain ?? spec.Domain;
        var database = spec.Database is null ? null : ResolveDatabase(Merge(spec.Database, environment.Database), defaults);
        var databaseAccess = new HashSet<string>(database?.Access ?? [], StringComparer.Ordinal);

        var teams = (spec.Teams ?? new Dictionary<string, TeamSpec>())
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new ResolvedTeam(t.Key, t.Value.Name ?? t.Key, t.Value.Email ?? string.Empty, t.Value.Phone, t.Value.WatchesAll ?? false))
            .ToList();

        var apps = (spec.Apps ?? new Dictionary<string, AppSpec>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => ResolveApp(a.Key, Merge(a.Value, environment.Apps?.GetValueOrDefault(a.Key)), defaults, databaseAccess.Contains(a.Key)))
            .ToList();

        return new ResolvedEnvironment(
            Platform: spec.Platform!,
            Name: name,
            Account: environment.Account!,
            Region: environment.Region ?? spec.Region!,
            Profile: profile,
            Locale: spec.Locale ?? Locale.En,
            Domain: domain,
            Ingress: new ResolvedIngress(
                Host: domain is null ? null : ingress.Host ?? Defaults.Host,
                HostedZoneId: domain is null ? null : ingress.HostedZoneId,
                CertificateArn: ingress.CertificateArn,
                Firewall: ingress.Firewall ?? defaults.Firewall),
            Network: new ResolvedNetwork(Defaults.VpcCidr, defaults.AvailabilityZones, defaults.Nats, defaults.LogRetentionDays, environment.Network?.Egress ?? defaults.Egress),
            Teams: teams,
            Apps: apps,
            Database: database,
            LogRetentionDays: defaults.LogRetentionDays)
        {
            AcknowledgedReplacements = [.. environment.AcknowledgedReplacements ?? []],
        };
    }

    private static ResolvedApp ResolveApp(string id, AppSpec app, ProfileDefaults defaults, bool databaseAccess)
    {
        var path = app.Path!;
        if (app.Type == AppType.Static)
        {
            return new ResolvedStaticApp(id, app.Team!, path, new ResolvedSlo(app.Slo?.Availability ?? Defaults.Availability, null))
            {
                Spa = app.Spa ?? false,
                ContentSecurityPolicy = app.ContentSecurityPolicy ?? Defaults.ContentSecurityPolicy,
            };
        }

        return new ResolvedApiApp(
            Id: id,
            Team: app.Team!,
            Path: path,
            Slo: new ResolvedSlo(app.Slo?.Availability ?? Defaults.Availability, app.Slo?.LatencyP95Ms ?? Defaults.LatencyP95Ms),
            Port: app.Port ?? Defaults.Port,
            HealthCheck: app.HealthCheck ?? path + Defaults.HealthCheckSuffix,
            Cpu: app.Cpu ?? Defaults.Cpu,
            Memory: app.Memory ?? Defaults.Memory,
            Scale: new ResolvedScale(
                Min: app.Scale?.Min ?? defaults.ScaleMin,
                Max: app.Scale?.Max ?? Math.Max(defaults.ScaleMax, app.Scale?.Min ?? 0),
                CpuPercent: app.Scale?.CpuPercent ?? Defaults.CpuPercent,
                RequestsPerTask: app.Scale?.RequestsPerTask ?? Defaults.RequestsPerTask),
            Env: Sorted(app.Env),
            Secrets: Sorted(app.Secrets),
            DatabaseAccess: databaseAccess);
    }

    private static ResolvedDatabase ResolveDatabase(DatabaseSpec database, ProfileDefaults defaults)
    {
        var size = database.Size ?? defaults.DatabaseSize;
        return new ResolvedDatabase(
            Engine: database.Engine ?? DatabaseEngine.Postgres,
            Version: database.Version ?? Defaults.DatabaseVersion,
            Hostname: database.Hostname ?? Defaults.DatabaseHostname,
            Size: size,
            InstanceClass: InstanceClassOf(size),
            StorageGiB: database.StorageGiB ?? Defaults.DatabaseStorageGiB,
            MultiAz: defaults.DatabaseMultiAz,
            DeletionProtection: defaults.DatabaseDeletionProtection,
            BackupRetentionDays: defaults.DatabaseBackupRetentionDays,
            DatabaseName: Defaults.DatabaseName,
            Access: (database.Access ?? []).Order(StringComparer.Ordinal).ToList());
    }

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

    /// <summary>An app with an environment's override applied on top.</summary>
    internal static AppSpec Merge(AppSpec app, AppSpec? over) => over is null ? app : new AppSpec
    {
        Type = over.Type ?? app.Type,
        Team = over.Team ?? app.Team,
        Path = over.Path ?? app.Path,
        Port = over.Port ?? app.Port,
        HealthCheck = over.HealthCheck ?? app.HealthCheck,
        Cpu = over.Cpu ?? app.Cpu,
        Memory = over.Memory ?? app.Memory,
        Scale = Merge(app.Scale, over.Scale),
        Env = MergeMaps(app.Env, over.Env),
        Secrets = MergeMaps(app.Secrets, over.Secrets),
        Spa = over.Spa ?? app.Spa,
        ContentSecurityPolicy = over.ContentSecurityPolicy ?? app.ContentSecurityPolicy,
        Source = app.Source,
        Slo = over.Slo is null ? app.Slo : new SloSpec
        {
            Availability = over.Slo.Availability ?? app.Slo?.Availability,
            LatencyP95Ms = over.Slo.LatencyP95Ms ?? app.Slo?.LatencyP95Ms,
        },
    };

    private static ScaleSpec? Merge(ScaleSpec? scale, ScaleSpec? over) => over is null ? scale : new ScaleSpec
    {
        Min = over.Min ?? scale?.Min,
        Max = over.Max ?? scale?.Max,
        CpuPercent = over.CpuPercent ?? scale?.CpuPercent,
        RequestsPerTask = over.RequestsPerTask ?? scale?.RequestsPerTask,
    };

    /// <summary>The top-level ingress with an environment's overrides applied; never null.</summary>
    internal static IngressSpec Merge(IngressSpec? ingress, IngressSpec? over) => new()
    {
        Host = over?.Host ?? ingress?.Host,
        HostedZoneId = over?.HostedZoneId ?? ingress?.HostedZoneId,
        CertificateArn = over?.CertificateArn ?? ingress?.CertificateArn,
        Firewall = over?.Firewall ?? ingress?.Firewall,
    };

    private static DatabaseSpec Merge(DatabaseSpec database, DatabaseSpec? over) => over is null ? database : new DatabaseSpec
    {
        Engine = over.Engine ?? database.Engine,
        Version = over.Version ?? database.Version,
        Hostname = over.Hostname ?? database.Hostname,
        Size = over.Size ?? database.Size,
        StorageGiB = over.StorageGiB ?? database.StorageGiB,
        Access = over.Access ?? database.Access,
    };

    private static Dictionary<string, string>? MergeMaps(IReadOnlyDictionary<string, string>? values, IReadOnlyDictionary<string, string>? over)
    {
        if (values is null && over is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in over ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
