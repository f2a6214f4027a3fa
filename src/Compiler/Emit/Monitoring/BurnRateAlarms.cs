using Amazon.CDK;
using Constructs;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Error-budget burn-rate alarms of one app: per rule a long-window and a short-window metric alarm (each one
/// period, so any window up to a day is expressible) and a composite <c>&lt;App&gt;ErrorBudget&lt;Rule&gt;Burn</c> that
/// fires when both do. Only the composites notify.
/// </summary>
internal static class BurnRateAlarms
{
    /// <summary>Creates both rules and returns the composites, fast first.</summary>
    public static IReadOnlyList<NamedAlarm> Create(
        Construct scope,
        ResolvedEnvironment environment,
        ResolvedApp app,
        Func<TimeSpan, IMetricSpec> errorPercent,
        AlarmDescriptions descriptions,
        bool edge)
    {
        var texts = descriptions.Texts;
        var owner = descriptions.Contact(AlarmRouting.Owner(environment, app));
        var pascal = MonitoringNames.Pascal(app.Id);
        var composites = new List<NamedAlarm>();
        foreach (var rule in BurnRateWindow.All)
        {
            var kind = $"ErrorBudget{rule.Name}Burn";
            var name = MonitoringNames.Alarm(environment, app.Id, kind, edge);
            var threshold = rule.ThresholdPercent(app.Slo.Availability);
            var percent = texts.Number(threshold);
            var windows = new[] { ("Long", rule.LongPeriod, rule.LongWindowMinutes), ("Short", rule.ShortPeriod, rule.ShortWindowMinutes) }
                .Select(w => AlarmFactory.Above(
                    scope,
                    pascal + kind + w.Item1,
                    MonitoringNames.Alarm(environment, app.Id, kind + w.Item1, edge),
                    descriptions.Describe(
                        texts.Get(TextKey.WindowWhat, app.Id, Window(texts, w.Item3), percent, name),
                        texts.Get(TextKey.WindowImpact, name),
                        owner,
                        texts.Get(TextKey.WindowStep)),
                    errorPercent(w.Item2),
                    threshold))
                .ToList();

            var fast = rule == BurnRateWindow.Fast;
            composites.Add(new NamedAlarm(AlarmFactory.AllOf(
                scope,
                pascal + kind,
                name,
                descriptions.Describe(
                    texts.Get(fast ? TextKey.FastBurnWhat : TextKey.SlowBurnWhat, app.Id, texts.Number(rule.Rate), percent, Window(texts, rule.LongWindowMinutes), Window(texts, rule.ShortWindowMinutes)),
                    texts.Get(fast ? TextKey.FastBurnImpact : TextKey.SlowBurnImpact),
                    owner,
                    texts.Get(fast ? TextKey.FastBurnStep : TextKey.SlowBurnStep)),
                windows), name));
        }

        return composites;
    }

    /// <summary>A window in hours when whole, else in minutes.</summary>
    public static string Window(MonitoringTexts texts, int minutes) =>
        minutes % 60 == 0 ? texts.Get(TextKey.Hours, minutes / 60) : texts.Get(TextKey.Minutes, minutes);
}
