namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Renders a widget's metrics as CDK 2.160's dashboard rendering does: each shown metric, then the inputs of an
/// expression right after it, hidden and with their id, each metric once per widget. Period 300 s and statistic
/// Average are CloudWatch's defaults and left out, and so is a metric's region when it is the stack's.
/// </summary>
internal static class WidgetMetrics
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(5);

    /// <summary>The "metrics" array of a metric widget in a stack in <paramref name="stackRegion"/>: <paramref name="left"/> on the left axis, <paramref name="right"/> on the right.</summary>
    public static List<object> Render(string stackRegion, IEnumerable<IMetricSpec> left, IEnumerable<IMetricSpec>? right = null)
    {
        // CDK keeps each metric once per widget, keyed by what it measures (not its label); an expression input
        // that is already shown gets its id on the shown line instead of a hidden copy.
        var entries = new List<(IMetricSpec Metric, string? Axis, string? Id)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(IMetricSpec metric, string? axis, string? id)
        {
            var key = Key(metric);
            if (byKey.TryGetValue(key, out var index))
            {
                var entry = entries[index];
                entries[index] = (entry.Metric, entry.Axis ?? axis, entry.Id ?? id);
                return;
            }

            byKey[key] = entries.Count;
            entries.Add((metric, axis, id));
            if (metric is MathSpec math)
            {
                foreach (var (inputId, input) in math.Inputs)
                {
                    Add(input, null, inputId);
                }
            }
        }

        foreach (var metric in left)
        {
            Add(metric, "left", null);
        }

        foreach (var metric in right ?? [])
        {
            Add(metric, "right", null);
        }

        return [.. entries.Select(e => (object)Line(e.Metric, e.Axis, e.Id, stackRegion))];
    }

    private static string Key(IMetricSpec metric) => metric switch
    {
        MetricSpec m => string.Join('|', [m.Namespace, m.Name, .. m.Dimensions.Select(d => d.Key + "=" + d.Value), m.Statistic, m.Period.ToString(), m.Region ?? ""]),
        MathSpec e => string.Join('|', ["expr", e.Expression, e.Period.ToString(), .. e.Inputs.Select(i => i.Key + "=" + Key(i.Value))]),
        _ => throw new ArgumentException($"unknown metric {metric.GetType()}", nameof(metric)),
    };

    // A null axis marks an expression input: not drawn, named by its id.
    private static List<object> Line(IMetricSpec metric, string? axis, string? id, string stackRegion)
    {
        var line = new List<object>();
        var options = new JsonFields();
        switch (metric)
        {
            case MetricSpec m:
                options.Add("label", m.Label);
                line.Add(m.Namespace);
                line.Add(m.Name);
                foreach (var (name, value) in m.Dimensions)
                {
                    line.Add(name);
                    line.Add(value);
                }

                options.Add("region", m.Region == stackRegion ? null : m.Region);
                options.Add("period", Period(m.Period));
                options.Add("stat", m.Statistic == "Average" ? null : m.Statistic);
                break;
            case MathSpec e:
                options.Add("label", e.Label);
                options.Add("expression", e.Expression);
                options.Add("period", Period(e.Period));
                break;
            default:
                throw new ArgumentException($"unknown metric {metric.GetType()}", nameof(metric));
        }

        options.Add("visible", axis is null ? false : null);
        options.Add("yAxis", axis is null or "left" ? null : axis);
        options.Add("id", id);
        if (options.Any(o => o.Value is not null))
        {
            line.Add(options);
        }

        return line;
    }

    private static int? Period(TimeSpan period) => period == DefaultPeriod ? null : (int)period.TotalSeconds;
}
