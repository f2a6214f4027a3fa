using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>Service level objective of an app: what "working" means to its customers.</summary>
public sealed record SloSpec
{
    /// <summary>Percent of requests that must succeed, strictly between 0 and 100, e.g. 99.9. Default: 99.5.</summary>
    [Range(0d, 100d, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    [DefaultValue(Defaults.Availability)]
    public double? Availability { get; init; }

    /// <summary>api only: 95th percentile response time target in milliseconds (greater than 0). Default: 1000.</summary>
    [Range(1, 600000)]
    [AppliesTo(AppType.Api)]
    [DefaultValue(Defaults.LatencyP95Ms)]
    public int? LatencyP95Ms { get; init; }
}
