using Trilho.Compiler.Emit.Monitoring;

namespace Trilho.Compiler.Monitoring.Tests;

public sealed class BurnRateWindowTests
{
    [Theory]
    [InlineData(99.9, 1.44, 0.6)]
    [InlineData(99.95, 0.72, 0.3)]
    [InlineData(99.99, 0.144, 0.06)]
    [InlineData(99.5, 7.2, 3)]
    [InlineData(99, 14.4, 6)]
    [InlineData(95, 72, 30)]
    public void Thresholds_are_the_error_budget_times_the_burn_rate(double availability, double fast, double slow)
    {
        Assert.Equal(fast, BurnRateWindow.Fast.ThresholdPercent(availability));
        Assert.Equal(slow, BurnRateWindow.Slow.ThresholdPercent(availability));
    }

    [Fact]
    public void A_threshold_above_all_requests_is_capped_at_100_percent()
    {
        Assert.Equal(100, BurnRateWindow.Fast.ThresholdPercent(90));
    }

    [Fact]
    public void Windows_follow_the_sre_workbook_and_fit_cloudwatch_limits()
    {
        Assert.Equal((14.4, 60, 5), (BurnRateWindow.Fast.Rate, BurnRateWindow.Fast.LongWindowMinutes, BurnRateWindow.Fast.ShortWindowMinutes));
        Assert.Equal((6d, 360, 30), (BurnRateWindow.Slow.Rate, BurnRateWindow.Slow.LongWindowMinutes, BurnRateWindow.Slow.ShortWindowMinutes));
        foreach (var rule in BurnRateWindow.All)
        {
            // Each window is one alarm period: CloudWatch wants period x evaluation periods <= 1 day and periods in whole minutes.
            Assert.InRange(rule.LongWindowMinutes, 1, 24 * 60);
            Assert.InRange(rule.ShortWindowMinutes, 1, rule.LongWindowMinutes - 1);
        }
    }
}
