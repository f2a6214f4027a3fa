namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>The two monitoring stacks of an environment. Deploy <see cref="Edge"/> first: <see cref="Regional"/> reads its outputs.</summary>
/// <param name="Regional">In the environment's region: load balancer, ECS and database alarms, team topics and the dashboards.</param>
/// <param name="Edge">In us-east-1, where CloudFront and Route 53 publish metrics: health checks, their alarms, CloudFront alarms and topics.</param>
public sealed record MonitoringStacks(MonitoringStackInfo Regional, MonitoringStackInfo Edge);
