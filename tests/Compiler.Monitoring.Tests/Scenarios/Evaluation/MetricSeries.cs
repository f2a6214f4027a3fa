using System.Globalization;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>
/// One metric's values, one per minute from minute 0 (null = no data point published that minute), written compactly
/// like promtool's series: <c>"100x60 -x10 0x5 1 2 3"</c> is 100 for 60 minutes, nothing for 10, 0 for 5, then 1, 2, 3.
/// Each value is the minute's statistic as CloudWatch would store it (a count for Sum metrics, the minute's
/// minimum/maximum/average or percentile for the others).
/// </summary>
public static class MetricSeries
{
    /// <summary>Expands the compact notation.</summary>
    public static IReadOnlyList<double?> Parse(string compact)
    {
        var values = new List<double?>();
        foreach (var part in compact.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var x = part.LastIndexOf('x');
            var value = x < 0 ? part : part[..x];
            var times = x < 0 ? 1 : int.Parse(part[(x + 1)..], CultureInfo.InvariantCulture);
            double? parsed = value is "-" or "_" ? null : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            values.AddRange(Enumerable.Repeat(parsed, times));
        }

        return values;
    }

    /// <summary>
    /// The statistic of the minutes [<paramref name="from"/>, <paramref name="to"/>) that have data, or null when none
    /// does. Sum, Minimum, Maximum and SampleCount are exact; Average is the mean of the minute averages (exact when
    /// minutes carry equal sample counts, as scenarios assume); a percentile pNN is the nearest-rank percentile of the
    /// minute values (exact when every minute has the same value, which the latency scenarios use).
    /// </summary>
    public static double? Aggregate(IReadOnlyList<double?> minutes, int from, int to, string statistic)
    {
        var present = new List<double>();
        for (var m = Math.Max(0, from); m < to && m < minutes.Count; m++)
        {
            if (minutes[m] is { } v)
            {
                present.Add(v);
            }
        }

        if (present.Count == 0)
        {
            return null;
        }

        switch (statistic)
        {
            case "Sum": return present.Sum();
            case "Average": return present.Average();
            case "Minimum": return present.Min();
            case "Maximum": return present.Max();
            case "SampleCount": return present.Count;
        }

        if (statistic.Length > 1 && statistic[0] == 'p' && double.TryParse(statistic[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile))
        {
            present.Sort();
            var rank = (int)Math.Ceiling(percentile / 100 * present.Count);
            return present[Math.Clamp(rank - 1, 0, present.Count - 1)];
        }

        throw new NotSupportedException($"Statistic {statistic} is not modelled.");
    }
}
