using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The monitoring stacks of an environment. Their deploy order follows from their imports: <see cref="Edge"/> (topics),
/// <see cref="EdgeApps"/> (they import its topic ARNs), <see cref="Regional"/> (it imports their health check ids),
/// <see cref="Apps"/> (they import its topic ARNs).
/// </summary>
/// <param name="Regional">In the environment's region: team topics, database alarms and the dashboards.</param>
/// <param name="Edge">In us-east-1, where CloudFront and Route 53 publish metrics: the team topics there.</param>
/// <param name="Apps">In the environment's region, one per api app in platform.yaml order: that app's alarms and composites.</param>
/// <param name="EdgeApps">In us-east-1, one per app in platform.yaml order: its health check, CloudFront alarms and composite.</param>
public sealed record MonitoringStacks(StackNode Regional, StackNode Edge, IReadOnlyList<StackNode> Apps, IReadOnlyList<StackNode> EdgeApps);
