using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>What a profile sets when platform.yaml does not say: the cost-versus-resilience trade-off in one place.</summary>
public sealed record ProfileDefaults(
    int AvailabilityZones,
    int Nats,
    Egress Egress,
    int LogRetentionDays,
    bool Firewall,
    int ScaleMin,
    int ScaleMax,
    DatabaseSize DatabaseSize,
    bool DatabaseMultiAz,
    bool DatabaseDeletionProtection,
    int DatabaseBackupRetentionDays,
    bool TeamDashboards)
{
    /// <summary>Cheapest setup that still works: one NAT instance (docs/decisions/0017-economy-egress.md), single-AZ database, one week of logs, the operations dashboard only.</summary>
    public static ProfileDefaults Economy { get; } = new(
        AvailabilityZones: 2, Nats: 1, Egress: Egress.NatInstance, LogRetentionDays: 7, Firewall: false,
        ScaleMin: 1, ScaleMax: 2, DatabaseSize: DatabaseSize.Micro,
        DatabaseMultiAz: false, DatabaseDeletionProtection: false, DatabaseBackupRetentionDays: 1,
        TeamDashboards: false);

    /// <summary>Survives the loss of a zone: NAT gateway per zone, Multi-AZ database with deletion protection, firewall on.</summary>
    public static ProfileDefaults Resilient { get; } = new(
        AvailabilityZones: 2, Nats: 2, Egress: Egress.NatGateway, LogRetentionDays: 30, Firewall: true,
        ScaleMin: 2, ScaleMax: 10, DatabaseSize: DatabaseSize.Small,
        DatabaseMultiAz: true, DatabaseDeletionProtection: true, DatabaseBackupRetentionDays: 14,
        TeamDashboards: true);

    /// <summary>The defaults of a profile.</summary>
    public static ProfileDefaults For(Profile profile) => profile == Profile.Resilient ? Resilient : Economy;
}
