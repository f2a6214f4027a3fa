using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;
using Xunit.Abstractions;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios;

/// <summary>
/// Runs every scenario file over the compiled output (every template of the environment's deploy plan, as
/// <c>trilho compile</c> writes it) and checks what the monitoring team would see: alarm states over time, who is
/// paged, the operations dashboard's lights and whether ECS would roll a release back.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class AlarmScenarioTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, (SynthesisResult Result, ResolvedPlatform Platform)> Compiled = new(StringComparer.Ordinal);

    public static TheoryData<string> Files() => new(AlarmScenario.All());

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_behaves_as_written(string file)
    {
        var scenario = AlarmScenario.Load(file);
        var monitoring = Monitoring(scenario.Platform, scenario.Environment);
        var read = monitoring.MetricKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var key in scenario.Series.Keys.Where(k => !scenario.MayBeUnread.Contains(k)))
        {
            Assert.True(read.Contains(key), $"{file}: no alarm reads series '{key}' (a typo? prefix it with ~ if it is fed on purpose). Alarms read:\n{string.Join("\n", read)}");
        }

        var series = scenario.Series.ToDictionary(kv => kv.Key, kv => MetricSeries.Parse(kv.Value), StringComparer.Ordinal);
        IReadOnlyList<double?> none = [];
        var run = AlarmSimulation.Run(monitoring.Alarms, q => series.TryGetValue(q.Key, out var s) ? s : none, scenario.Minutes);
        foreach (var change in run.Changes.Where(c => c.From != AlarmState.INSUFFICIENT_DATA || c.To != AlarmState.OK))
        {
            output.WriteLine($"minute {change.Minute,4}: {change.Alarm[monitoring.Prefix.Length..]} {change.From} -> {change.To}{(change.Teams.Count > 0 ? " notifies " + string.Join(", ", change.Teams) : string.Empty)}");
        }

        var failures = new List<string>();
        foreach (var (alarm, minute, state) in scenario.States)
        {
            var actual = run.StateAt(monitoring.Prefix + alarm, minute);
            if (actual.ToString() != state)
            {
                failures.Add($"{alarm} at minute {minute}: expected {state}, was {actual}");
            }
        }

        foreach (var pattern in scenario.NeverAlarm)
        {
            var regex = new Regex("^" + Regex.Escape(monitoring.Prefix + pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
            var fired = run.Changes.Where(c => c.To == AlarmState.ALARM && regex.IsMatch(c.Alarm)).Select(c => $"{c.Alarm[monitoring.Prefix.Length..]} at minute {c.Minute}").ToList();
            Assert.True(run.AlarmNames.Any(regex.IsMatch), $"{file}: neverAlarm pattern '{pattern}' matches no alarm");
            failures.AddRange(fired.Select(f => $"expected never in ALARM: {f}"));
        }

        if (scenario.Paged is { } paged)
        {
            var actual = run.Paged.Order(StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(paged.Order(StringComparer.Ordinal)))
            {
                failures.Add($"paged: expected [{string.Join(", ", paged.Order(StringComparer.Ordinal))}], was [{string.Join(", ", actual)}]");
            }
        }

        var lights = monitoring.TrafficLights();
        foreach (var (app, colour) in scenario.Lights)
        {
            Assert.True(lights.ContainsKey(app), $"{file}: the operations dashboard has no light for {app}");
            var actual = Colour(lights[app].Select(a => run.StateAt(a, scenario.Minutes)));
            if (actual != colour)
            {
                failures.Add($"light of {app} at minute {scenario.Minutes}: expected {colour}, was {actual} ({string.Join(", ", lights[app].Select(a => $"{a[monitoring.Prefix.Length..]}={run.StateAt(a, scenario.Minutes)}"))})");
            }
        }

        if (scenario.Rollback is { } rollback)
        {
            var rolledBack = monitoring.RollbackAlarms.Any(a => run.Changes.Any(c => c.Alarm == a && c.To == AlarmState.ALARM));
            if (rolledBack != rollback)
            {
                failures.Add($"rollback: expected {rollback}, was {rolledBack}");
            }
        }

        foreach (var (app, expected) in scenario.RollbackOf)
        {
            // A deployment watches only its own service's alarms: another app's release alarm rolls nothing of this app back.
            Assert.True(
                monitoring.RollbackAlarmsByStack.TryGetValue("app-" + app, out var own) && own.Count > 0,
                $"{file}: no ECS service of app {app} rolls back on an alarm");
            var rolledBack = own.Any(a => run.Changes.Any(c => c.Alarm == a && c.To == AlarmState.ALARM));
            if (rolledBack != expected)
            {
                failures.Add($"rollback of {app}'s deployment: expected {expected}, was {rolledBack}");
            }
        }

        foreach (var (app, bound) in scenario.Availability)
        {
            // The figure over [availabilityFrom, end): the dashboard's single value is its expression over one period.
            var (expression, inputs) = monitoring.Availability(app);
            var value = MetricMath.Evaluate(expression, id => MetricSeries.Aggregate(
                series.TryGetValue(inputs[id].Key, out var s) ? s : none, scenario.AvailabilityFrom, scenario.Minutes, inputs[id].Statistic));
            var limit = double.Parse(bound[1..], System.Globalization.CultureInfo.InvariantCulture);
            if (value is not { } v || (bound[0] == '<' ? v >= limit : v <= limit))
            {
                failures.Add($"availability figure of {app} from minute {scenario.AvailabilityFrom}: expected {bound}, was {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no data"} ({expression})");
            }
        }

        if (scenario.Stable)
        {
            failures.AddRange(run.Changes.GroupBy(c => c.Alarm).Where(g => g.Count() > 1)
                .Select(g => $"expected stable, {g.Key[monitoring.Prefix.Length..]} changed {g.Count()} times"));
        }

        Assert.True(failures.Count == 0, $"{file} ({scenario.Title}):\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// An alarm status widget's light as the legend explains it: red when any alarm is in ALARM, grey when none is
    /// and one has no data, green otherwise.
    /// </summary>
    public static string Colour(IEnumerable<AlarmState> states)
    {
        var list = states.ToList();
        return list.Contains(AlarmState.ALARM) ? "red" : list.Contains(AlarmState.INSUFFICIENT_DATA) ? "grey" : "green";
    }

    /// <summary>The alarms of environment <paramref name="environment"/> of <paramref name="platform"/> (a path from the repository root), compiled once per run.</summary>
    public static EmittedMonitoring Monitoring(string platform, string environment)
    {
        var (result, resolved) = Compiled.GetOrAdd(platform, p =>
        {
            var frontEnd = FrontEnd.AnalyzeFile(Trilho.Testing.RepositoryRoot.Combine(p.Split('/')));
            Assert.False(frontEnd.HasErrors, string.Join("\n", frontEnd.Diagnostics.Select(d => d.ToCanonicalString())));
            return (PlatformSynthesizer.Synthesize(frontEnd.Platform!), frontEnd.Platform!);
        });
        var plan = result.Environments.Single(e => e.Environment == environment).Plan;
        return new EmittedMonitoring(plan, resolved.Environments.Single(e => e.Name == environment).Teams);
    }
}
