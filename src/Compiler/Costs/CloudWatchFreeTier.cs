using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>
/// CloudWatch's always-free allowance, per account and month (it does not expire with the 12-month offers):
/// https://aws.amazon.com/cloudwatch/pricing/ ("Free tier": 3 dashboards of up to 50 metrics, 10 alarm metrics at
/// standard resolution). The estimate deducts it only for an environment alone in its account among the platform's
/// environments; another workload in that account would share it, which Trilho cannot see (docs/costs.md, Limits).
/// </summary>
public static class CloudWatchFreeTier
{
    /// <summary>Dashboards free per account.</summary>
    public const int Dashboards = 3;

    /// <summary>Standard-resolution alarm metrics free per account (composite alarms are not included).</summary>
    public const int AlarmMetrics = 10;

    /// <summary>True when no other environment of <paramref name="platform"/> deploys into the account of <paramref name="environment"/>.</summary>
    public static bool Applies(ResolvedPlatform platform, ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(environment);
        return platform.Environments.Count(e => string.Equals(e.Account, environment.Account, StringComparison.Ordinal)) == 1;
    }
}
