using Trilho.Compiler.Model;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>RDS metrics of the database and the limits its alarms use.</summary>
/// <param name="InstanceId">RDS instance identifier, usually a parameter token.</param>
public sealed record DatabaseMetrics(string InstanceId)
{
    /// <summary>CPU in percent.</summary>
    public MetricSpec Cpu(TimeSpan period, string? label = null) => Rds("CPUUtilization", "Average", period, label);

    /// <summary>Open connections.</summary>
    public MetricSpec Connections(TimeSpan period, string? label = null) => Rds("DatabaseConnections", "Maximum", period, label);

    /// <summary>Free storage in bytes.</summary>
    public MetricSpec FreeStorage(TimeSpan period, string? label = null) => Rds("FreeStorageSpace", "Minimum", period, label);

    /// <summary>Freeable memory in bytes.</summary>
    public MetricSpec FreeMemory(TimeSpan period, string? label = null) => Rds("FreeableMemory", "Minimum", period, label);

    /// <summary>Memory of an instance size in MiB.</summary>
    public static int MemoryMiB(DatabaseSize size) => size switch
    {
        DatabaseSize.Micro => 1024,
        DatabaseSize.Small => 2048,
        DatabaseSize.Medium => 4096,
        DatabaseSize.Large => 8192,
        _ => 16384,
    };

    /// <summary>
    /// RDS PostgreSQL's default max_connections, LEAST(DBInstanceClassMemory / 9531392, 5000), computed on the
    /// nominal memory (the real class memory is a little lower, so this slightly overestimates).
    /// </summary>
    public static int MaxConnections(DatabaseSize size) => (int)Math.Min(MemoryMiB(size) * 1024L * 1024L / 9531392L, 5000);

    private MetricSpec Rds(string name, string statistic, TimeSpan period, string? label) =>
        new("AWS/RDS", name, [new("DBInstanceIdentifier", InstanceId)], statistic, period, Label: label);
}
