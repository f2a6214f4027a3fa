namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The monitoring stacks of an environment. Deploy <see cref="Edge"/> first (<see cref="Regional"/> reads its outputs),
/// then <see cref="Regional"/>, then <see cref="Apps"/> (they read the regional stack's topic ARNs).
/// </summary>
/// <param name="Regional">In the environment's region: team topics, database alarms and the dashboards.</param>
/// <param name="Edge">In us-east-1, where CloudFront and Route 53 publish metrics: health checks, their alarms, CloudFront alarms and topics.</param>
/// <param name="Apps">In the environment's region, one per api app in platform.yaml order: that app's alarms and composites.</param>
public sealed record MonitoringStacks(MonitoringStackInfo Regional, MonitoringStackInfo Edge, IReadOnlyList<MonitoringStackInfo> Apps);
