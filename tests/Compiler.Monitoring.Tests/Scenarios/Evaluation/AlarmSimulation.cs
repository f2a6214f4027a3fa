namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>A state change and the teams its actions notified (AlarmActions on ALARM, OKActions on OK).</summary>
/// <param name="Minute">The minute of the evaluation that changed the state.</param>
/// <param name="Alarm">The alarm name.</param>
/// <param name="From">The previous state.</param>
/// <param name="To">The new state.</param>
/// <param name="Teams">Teams notified.</param>
public sealed record StateChange(int Minute, string Alarm, AlarmState From, AlarmState To, IReadOnlyList<string> Teams);

/// <summary>
/// Runs alarms over minute series: every minute each metric alarm is evaluated
/// (<see cref="MetricAlarmEvaluator"/>), then each composite on its children's new states (composites of composites
/// in dependency order). Every alarm starts in INSUFFICIENT_DATA, as a newly created alarm does. A state change runs
/// the actions of the new state: AlarmActions for ALARM, OKActions for OK
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
/// </summary>
public sealed class AlarmSimulation
{
    private readonly Dictionary<string, AlarmState[]> timeline = new(StringComparer.Ordinal);

    private AlarmSimulation(int minutes, List<StateChange> changes)
    {
        Minutes = minutes;
        Changes = changes;
    }

    /// <summary>Length of the run in minutes.</summary>
    public int Minutes { get; }

    /// <summary>Every state change in order.</summary>
    public IReadOnlyList<StateChange> Changes { get; }

    /// <summary>Runs <paramref name="alarms"/> for <paramref name="minutes"/> minutes over <paramref name="series"/>.</summary>
    public static AlarmSimulation Run(IReadOnlyList<AlarmDefinition> alarms, Func<MetricQuery, IReadOnlyList<double?>> series, int minutes)
    {
        var byName = alarms.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var composites = Ordered(alarms.OfType<CompositeAlarmDefinition>().ToList(), byName);
        var state = alarms.ToDictionary(a => a.Name, _ => AlarmState.INSUFFICIENT_DATA, StringComparer.Ordinal);
        var changes = new List<StateChange>();
        var simulation = new AlarmSimulation(minutes, changes);
        foreach (var alarm in alarms)
        {
            simulation.timeline[alarm.Name] = new AlarmState[minutes + 1];
        }

        for (var now = 1; now <= minutes; now++)
        {
            foreach (var alarm in alarms.OfType<MetricAlarmDefinition>())
            {
                var points = MetricAlarmEvaluator.DataPoints(alarm, series, now);
                Set(alarm, MetricAlarmEvaluator.Evaluate(alarm, points, state[alarm.Name]), now);
            }

            foreach (var composite in composites)
            {
                var fires = CompositeRule.Evaluate(composite.Rule, child => state.TryGetValue(child, out var s)
                    ? s
                    : throw new InvalidOperationException($"{composite.Name} reads alarm {child}, which no template defines"));
                Set(composite, fires ? AlarmState.ALARM : AlarmState.OK, now);
            }

            foreach (var alarm in alarms)
            {
                simulation.timeline[alarm.Name][now] = state[alarm.Name];
            }
        }

        return simulation;

        void Set(AlarmDefinition alarm, AlarmState next, int now)
        {
            var previous = state[alarm.Name];
            if (previous == next)
            {
                return;
            }

            state[alarm.Name] = next;
            var teams = next switch
            {
                AlarmState.ALARM => alarm.AlarmTeams,
                AlarmState.OK => alarm.OkTeams,
                _ => [],
            };
            changes.Add(new StateChange(now, alarm.Name, previous, next, teams));
        }
    }

    /// <summary>The state of <paramref name="alarm"/> after the evaluation at <paramref name="minute"/> (0: before any).</summary>
    public AlarmState StateAt(string alarm, int minute) =>
        timeline.TryGetValue(alarm, out var states)
            ? (minute == 0 ? AlarmState.INSUFFICIENT_DATA : states[Math.Clamp(minute, 1, Minutes)])
            : throw new KeyNotFoundException($"No alarm named {alarm}; there are: {string.Join(", ", timeline.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Names of every alarm simulated.</summary>
    public IEnumerable<string> AlarmNames => timeline.Keys;

    /// <summary>Teams that received an ALARM notification.</summary>
    public IReadOnlySet<string> Paged => Changes.Where(c => c.To == AlarmState.ALARM).SelectMany(c => c.Teams).ToHashSet(StringComparer.Ordinal);

    private static List<CompositeAlarmDefinition> Ordered(List<CompositeAlarmDefinition> composites, Dictionary<string, AlarmDefinition> byName)
    {
        var ordered = new List<CompositeAlarmDefinition>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(CompositeAlarmDefinition composite, int depth)
        {
            if (depth > composites.Count)
            {
                throw new InvalidOperationException($"Composite alarm cycle through {composite.Name}");
            }

            if (done.Contains(composite.Name))
            {
                return;
            }

            foreach (var child in CompositeRule.Children(composite.Rule))
            {
                if (byName.TryGetValue(child, out var c) && c is CompositeAlarmDefinition inner)
                {
                    Visit(inner, depth + 1);
                }
            }

            done.Add(composite.Name);
            ordered.Add(composite);
        }

        composites.ForEach(c => Visit(c, 0));
        return ordered;
    }
}
