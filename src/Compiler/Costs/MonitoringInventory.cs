using System.Text.Json.Nodes;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>
/// The billed monitoring resources of one environment, as CloudWatch and Route 53 bill them: an alarm on metric math
/// is billed per metric it reads, so <see cref="AlarmMetrics"/> counts metrics, not alarms.
/// <see cref="FromTemplates"/> counts them in the emitted templates; <see cref="Expected"/> computes the same numbers
/// from the environment without synthesizing (for <c>trilho cost</c>), and a test keeps both equal on every golden case.
/// </summary>
/// <param name="Alarms">Metric alarms.</param>
/// <param name="AlarmMetrics">Metrics read by the metric alarms (one for a single-metric alarm).</param>
/// <param name="CompositeAlarms">Composite alarms.</param>
/// <param name="Dashboards">Dashboards.</param>
/// <param name="HealthChecks">Route 53 health checks (all HTTPS).</param>
/// <param name="MetricFilters">CloudWatch Logs metric filters (each publishes a custom metric).</param>
/// <param name="LogDeliveries">CloudWatch Logs deliveries (vended logs).</param>
/// <param name="ScalingAlarms">
/// Alarms Application Auto Scaling creates for the target-tracking policies: not in any template, but billed to the account
/// as standard alarms on one metric each. Two per policy (high, to scale out; low, to scale in), one when scale-in is disabled:
/// https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html
/// </param>
public sealed record MonitoringInventory(int Alarms, int AlarmMetrics, int CompositeAlarms, int Dashboards, int HealthChecks, int MetricFilters, int LogDeliveries, int ScalingAlarms)
{
    /// <summary>Counts the resources in CloudFormation templates (JSON text).</summary>
    public static MonitoringInventory FromTemplates(IEnumerable<string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var resources = templates
            .SelectMany(t => JsonNode.Parse(t)!["Resources"]?.AsObject() ?? [])
            .Select(r => r.Value!.AsObject())
            .ToList();
        List<JsonObject> OfType(string type) => resources.Where(r => (string?)r["Type"] == type).ToList();
        var alarms = OfType("AWS::CloudWatch::Alarm");
        return new MonitoringInventory(
            alarms.Count,
            alarms.Sum(a => a["Properties"]?["Metrics"] is JsonArray metrics ? metrics.Count(m => m?["MetricStat"] is not null) : 1),
            OfType("AWS::CloudWatch::CompositeAlarm").Count,
            OfType("AWS::CloudWatch::Dashboard").Count,
            OfType("AWS::Route53::HealthCheck").Count,
            OfType("AWS::Logs::MetricFilter").Count,
            OfType("AWS::Logs::Delivery").Count,
            OfType("AWS::ApplicationAutoScaling::ScalingPolicy").Sum(TargetTrackingAlarms));
    }

    private static int TargetTrackingAlarms(JsonObject policy) =>
        policy["Properties"]?["TargetTrackingScalingPolicyConfiguration"] is not { } configuration ? 0
        : configuration["DisableScaleIn"] is JsonValue disabled && disabled.GetValue<bool>() ? 1
        : 2;

    /// <summary>What the emitter creates for <paramref name="environment"/>, computed from the same definitions it uses.</summary>
    public static MonitoringInventory Expected(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var windows = BurnRateWindow.All.Count * 2;
        var apiErrorInputs = new ApiAppMetrics("lb", "tg", null, null).ErrorPercent(TimeSpan.FromMinutes(1)).Inputs.Count;
        var path = new StaticPathMetrics("n", "a", "/a");
        var pathErrorInputs = path.ErrorPercent(TimeSpan.FromMinutes(1)).Inputs.Count;
        var pathNotFoundInputs = path.NotFoundPercent(TimeSpan.FromMinutes(1)).Inputs.Count;
        int alarms = 0, metrics = 0, composites = 0;
        foreach (var app in environment.Apps)
        {
            // Edge app stack: the external check's alarm and the edge "customers affected" composite.
            alarms++;
            metrics++;
            composites++;
            if (app is ResolvedApiApp)
            {
                // Burn-rate windows, then latency, unhealthy targets, tasks below minimum, CPU, memory; two burn-rate
                // composites and "customers affected"; in the app stack the two release alarms (errors, latency).
                alarms += windows + 5 + 2;
                metrics += (windows * apiErrorInputs) + 5 + apiErrorInputs + 1;
                composites += BurnRateWindow.All.Count + 1;
            }
            else
            {
                // Burn-rate windows and "files missing" on the per-path metrics of the edge access logs.
                alarms += windows + 1;
                metrics += (windows * pathErrorInputs) + pathNotFoundInputs;
                composites += BurnRateWindow.All.Count;
            }
        }

        if (environment.Database is not null)
        {
            // CPU, storage, connections, memory.
            alarms += 4;
            metrics += 4;
        }

        var owners = environment.Apps.Select(a => a.Team).ToHashSet(StringComparer.Ordinal);
        if (environment.Database is not null)
        {
            owners.UnionWith(AlarmRouting.DatabaseRecipients(environment).Select(t => t.Id));
        }

        // The operations dashboard, and when the environment has them a technical dashboard per team that owns an app or
        // receives database alarms.
        var dashboards = 1 + (environment.TeamDashboards ? environment.Teams.Count(t => owners.Contains(t.Id)) : 0);
        // One access log delivery of the distribution; per static app one metric filter per metric of its path.
        var filters = environment.Apps.OfType<ResolvedStaticApp>().Sum(a => StaticPathMetrics.For(environment, a).Filters().Count);
        // Each api app scales on CPU and on requests per task, scale-in enabled: a high and a low alarm per policy.
        var scalingAlarms = environment.Apps.OfType<ResolvedApiApp>().Count() * ApiService.TargetTrackingPolicies * 2;
        return new MonitoringInventory(alarms, metrics, composites, dashboards, environment.Apps.Count, filters, 1, scalingAlarms);
    }
}
