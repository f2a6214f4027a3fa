using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>What the monitoring stacks import from the environment's other stacks (docs/monitoring.md, "Wiring").</summary>
/// <param name="DistributionDomainName">CloudFront's own name of the distribution: the health checks' host when platform.yaml has no domain.</param>
/// <param name="Apis">The api apps and what their metrics share, or null without api apps.</param>
/// <param name="DatabaseInstanceId">The RDS instance, or null without a database.</param>
public sealed record MonitoringInputs(StackOutput DistributionDomainName, MonitoredApis? Apis, StackOutput? DatabaseInstanceId);

/// <summary>The api apps and the dimensions their load balancer and task metrics share.</summary>
/// <param name="LoadBalancerFullName">Full name (<c>app/name/id</c>) of the load balancer.</param>
/// <param name="ClusterName">Name of the ECS cluster.</param>
/// <param name="Apps">The api apps in platform.yaml order, each with its own dimensions.</param>
public sealed record MonitoredApis(StackOutput LoadBalancerFullName, StackOutput ClusterName, IReadOnlyList<MonitoredApiApp> Apps);

/// <summary>An api app and the dimensions of its own metrics.</summary>
/// <param name="App">The app.</param>
/// <param name="TargetGroupFullName">Full name (<c>targetgroup/name/id</c>) of its target group.</param>
/// <param name="ServiceName">Name of its ECS service.</param>
public sealed record MonitoredApiApp(ResolvedApiApp App, StackOutput TargetGroupFullName, StackOutput ServiceName);
