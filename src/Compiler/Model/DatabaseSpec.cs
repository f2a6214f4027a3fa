using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>A managed relational database in isolated subnets, reachable only from the apps in `access`.</summary>
public sealed record DatabaseSpec
{
    /// <summary>Database engine. Only `postgres` (Amazon RDS for PostgreSQL) for now. Default: `postgres`.</summary>
    [DefaultValue(DatabaseEngine.Postgres)]
    public DatabaseEngine? Engine { get; init; }

    /// <summary>Major engine version, e.g. `"16"`. Default: `"16"`.</summary>
    [Pattern(Patterns.DatabaseVersion, Patterns.DatabaseVersionText)]
    [DefaultValue(Defaults.DatabaseVersion)]
    public string? Version { get; init; }

    /// <summary>Name of the database under the private zone, e.g. `db` for `db.internal.example.com`. Default: `db`.</summary>
    [StringLength(63)]
    [Pattern(Patterns.HostName, Patterns.HostNameText)]
    [DefaultValue(Defaults.DatabaseHostname)]
    public string? Hostname { get; init; }

    /// <summary>Instance size: `micro`, `small`, `medium`, `large` or `xlarge`. Default: `micro` in `economy`, `small` in `resilient`.</summary>
    [ProfileDefault(nameof(ProfileDefaults.DatabaseSize))]
    public DatabaseSize? Size { get; init; }

    /// <summary>Allocated storage in GiB (20-16384); it grows automatically up to 4 times this. Default: 20.</summary>
    [Range(20, 16384)]
    [DefaultValue(Defaults.DatabaseStorageGiB)]
    public int? StorageGiB { get; init; }

    /// <summary>Ids of the api apps allowed to connect; no one else can reach the database. Default: no app.</summary>
    [Pattern(Patterns.Id, Patterns.IdText)]
    public IReadOnlyList<string>? Access { get; init; }
}
