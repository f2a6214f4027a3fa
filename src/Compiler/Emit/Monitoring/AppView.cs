using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>What the dashboards show of one app: its owner, traffic-light alarms and metrics.</summary>
/// <param name="App">The app.</param>
/// <param name="Owner">Its team.</param>
/// <param name="TrafficLight">ARNs of its "customers affected" composites, one per region where it has signals.</param>
/// <param name="Api">Load balancer and ECS metrics of an api app, else null.</param>
/// <param name="Static">Per-path metrics of a static app (edge access logs), else null.</param>
/// <param name="HealthCheckId">Id of its Route 53 health check (a parameter token), or null where no dashboard shows it.</param>
internal sealed record AppView(
    ResolvedApp App,
    ResolvedTeam Owner,
    IReadOnlyList<string> TrafficLight,
    ApiAppMetrics? Api,
    StaticPathMetrics? Static,
    string? HealthCheckId);
