using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>Autoscaling of an api app: tasks between `min` and `max`, tracking CPU and request targets.</summary>
public sealed record ScaleSpec
{
    /// <summary>Fewest running tasks (1-100). Default: 1 in `economy`, 2 in `resilient`.</summary>
    [Range(1, 100)]
    [ProfileDefault(nameof(ProfileDefaults.ScaleMin))]
    public int? Min { get; init; }

    /// <summary>Most running tasks (1-100, at least `min`). Default: 2 in `economy`, 10 in `resilient`.</summary>
    [Range(1, 100)]
    public int? Max { get; init; }

    /// <summary>Average CPU percent the service scales to keep (10-90). Default: 60.</summary>
    [Range(10, 90)]
    [DefaultValue(Defaults.CpuPercent)]
    public int? CpuPercent { get; init; }

    /// <summary>Load balancer requests per task per minute the service scales to keep (1-100000). Default: 500.</summary>
    [Range(1, 100000)]
    [DefaultValue(Defaults.RequestsPerTask)]
    public int? RequestsPerTask { get; init; }
}
