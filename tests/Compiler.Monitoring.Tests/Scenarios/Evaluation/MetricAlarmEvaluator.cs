namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>
/// Evaluates a metric alarm the way CloudWatch documents it
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html and
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html):
/// <list type="bullet">
/// <item>The alarm is evaluated every minute on the most recent periods ending now (a sliding window: period P's
/// data point at minute t covers minutes [t - P, t)). Inputs are one value per minute.</item>
/// <item>CloudWatch retrieves more data points than <c>EvaluationPeriods</c> (the evaluation range); here
/// EvaluationPeriods + 2, the size the documentation's missing-data table shows for three periods.</item>
/// <item>If the range holds at least EvaluationPeriods real data points, the most recent EvaluationPeriods real ones
/// decide and TreatMissingData is not used: ALARM when at least DatapointsToAlarm of them breach, else OK.</item>
/// <item>Otherwise the missing ones are filled as TreatMissingData says, and all real points of the range count:
/// <c>breaching</c> fills breaching points, <c>notBreaching</c> fills good ones; <c>missing</c> goes to
/// INSUFFICIENT_DATA when the range is empty and otherwise to ALARM only when every real point breaches (and OK when
/// one does not); <c>ignore</c> keeps the current state unless a real point is good and none breaches enough to
/// alarm, which makes it OK.</item>
/// </list>
/// </summary>
public static class MetricAlarmEvaluator
{
    /// <summary>How many extra periods the evaluation range holds beyond EvaluationPeriods.</summary>
    public const int ExtraRangePeriods = 2;

    /// <summary>The alarm's data points at minute <paramref name="now"/>, most recent first (null = missing).</summary>
    public static IReadOnlyList<double?> DataPoints(MetricAlarmDefinition alarm, Func<MetricQuery, IReadOnlyList<double?>> series, int now)
    {
        var points = new List<double?>();
        for (var k = 0; k < alarm.EvaluationPeriods + ExtraRangePeriods; k++)
        {
            var to = now - (k * alarm.PeriodMinutes);
            var from = to - alarm.PeriodMinutes;
            points.Add(to <= 0 ? null : Value(alarm, series, from, to));
        }

        return points;
    }

    /// <summary>The value of the alarm's metric or expression over minutes [from, to).</summary>
    public static double? Value(MetricAlarmDefinition alarm, Func<MetricQuery, IReadOnlyList<double?>> series, int from, int to)
    {
        if (alarm.Metric is { } metric)
        {
            return MetricSeries.Aggregate(series(metric), from, to, metric.Statistic);
        }

        return MetricMath.Evaluate(alarm.Expression!, id => alarm.Inputs.TryGetValue(id, out var input)
            ? MetricSeries.Aggregate(series(input), from, to, input.Statistic)
            : throw new InvalidOperationException($"{alarm.Name}: expression uses unknown id {id}"));
    }

    /// <summary>The state after evaluating data points (most recent first) from state <paramref name="current"/>.</summary>
    public static AlarmState Evaluate(MetricAlarmDefinition alarm, IReadOnlyList<double?> points, AlarmState current)
    {
        var n = alarm.EvaluationPeriods;
        var m = alarm.DatapointsToAlarm;
        var real = points.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (real.Count >= n)
        {
            return real.Take(n).Count(alarm.Breaches) >= m ? AlarmState.ALARM : AlarmState.OK;
        }

        var breaching = real.Count(alarm.Breaches);
        var fill = n - real.Count;
        switch (alarm.TreatMissingData)
        {
            case "breaching":
                return breaching + fill >= m ? AlarmState.ALARM : AlarmState.OK;
            case "notBreaching":
                return breaching >= m ? AlarmState.ALARM : AlarmState.OK;
            case "ignore":
                if (real.Count == 0 || breaching >= m || (breaching > 0 && breaching == real.Count))
                {
                    return breaching >= m ? AlarmState.ALARM : current;
                }

                return AlarmState.OK;
            default:
                if (real.Count == 0)
                {
                    return AlarmState.INSUFFICIENT_DATA;
                }

                return breaching >= m || breaching == real.Count ? AlarmState.ALARM : AlarmState.OK;
        }
    }
}
