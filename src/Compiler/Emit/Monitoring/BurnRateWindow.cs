using Amazon.CDK;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>One multiwindow burn-rate rule (Google SRE workbook, chapter 5): alarm when both windows burn faster than <see cref="Rate"/>.</summary>
/// <param name="Name">PascalCase name used in logical IDs, e.g. <c>Fast</c>.</param>
/// <param name="Rate">How many times faster than "exactly on budget over 30 days" the budget is spent.</param>
/// <param name="LongWindowMinutes">The long window; it makes the alarm significant.</param>
/// <param name="ShortWindowMinutes">The short window; it makes the alarm reset soon after recovery.</param>
public sealed record BurnRateWindow(string Name, double Rate, int LongWindowMinutes, int ShortWindowMinutes)
{
    /// <summary>14.4x over 1 h and 5 min: 2% of a 30-day budget in one hour. Page now.</summary>
    public static BurnRateWindow Fast { get; } = new("Fast", 14.4, 60, 5);

    /// <summary>6x over 6 h and 30 min: 5% of a 30-day budget in six hours. Act today.</summary>
    public static BurnRateWindow Slow { get; } = new("Slow", 6, 360, 30);

    /// <summary>Both rules, fast first.</summary>
    public static IReadOnlyList<BurnRateWindow> All { get; } = [Fast, Slow];

    /// <summary>The long window as an alarm period: one period, so period x evaluation periods stays within CloudWatch's one-day limit.</summary>
    public TimeSpan LongPeriod => TimeSpan.FromMinutes(LongWindowMinutes);

    /// <summary>The short window as an alarm period.</summary>
    public TimeSpan ShortPeriod => TimeSpan.FromMinutes(ShortWindowMinutes);

    /// <summary>
    /// The error-rate threshold in percent of requests for an availability SLO in percent:
    /// error budget (100 - availability) times the burn rate, capped at 100. Rounded to 6 decimals so
    /// floating-point noise (1 - 0.999 is not exactly 0.001) never reaches the template.
    /// </summary>
    public double ThresholdPercent(double availability) =>
        Math.Min(100, Math.Round((100 - availability) * Rate, 6));
}
