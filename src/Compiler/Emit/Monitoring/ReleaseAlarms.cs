using Amazon.CDK;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Alarms an api app's ECS service watches during a deployment (FargateService <c>DeploymentAlarms</c>) so a bad
/// release rolls back by itself. Created inside the app stack: they must exist before the service deploys, and
/// they notify no one (ECS acts on them; the team's regular alarms in the monitoring stack still fire).
/// The service refers to them by literal name, which CloudFormation does not see as a dependency: pass a dedicated
/// child construct as scope and call <c>service.Node.AddDependency(scope)</c> so the alarms are created first.
/// </summary>
public static class ReleaseAlarms
{
    /// <summary>Creates <c>&lt;App&gt;ReleaseErrors</c> and <c>&lt;App&gt;ReleaseLatency</c> in <paramref name="scope"/> and returns their names.</summary>
    /// <param name="scope">The api app's stack (or a construct in it).</param>
    /// <param name="environment">The environment, for names, locale and contacts.</param>
    /// <param name="app">The api app.</param>
    /// <param name="targetGroupFullName">The app's target group full name, e.g. <c>targetGroup.TargetGroupFullName</c>.</param>
    /// <param name="loadBalancerFullName">The load balancer full name, a token or parameter value.</param>
    public static IReadOnlyList<string> Create(Construct scope, ResolvedEnvironment environment, ResolvedApiApp app, string targetGroupFullName, string loadBalancerFullName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(app);
        var texts = MonitoringTexts.For(environment.Locale);
        var descriptions = new AlarmDescriptions(texts);
        var contact = descriptions.Contact(AlarmRouting.Owner(environment, app));
        var metrics = new ApiAppMetrics(loadBalancerFullName, targetGroupFullName, null, null);
        var pascal = MonitoringNames.Pascal(app.Id);
        var errorsName = MonitoringNames.Alarm(environment, app.Id, "ReleaseErrors");
        var latencyName = MonitoringNames.Alarm(environment, app.Id, "ReleaseLatency");
        var threshold = BurnRateWindow.Fast.ThresholdPercent(app.Slo.Availability);
        var latencyMs = app.Slo.LatencyP95Ms ?? Defaults.LatencyP95Ms;

        // One-minute periods, three in a row: quick enough to stop a rollout, steady enough to ignore one bad minute.
        AlarmFactory.Above(
            scope, pascal + "ReleaseErrors", errorsName,
            descriptions.Describe(texts.Get(TextKey.ReleaseErrorsWhat, app.Id, texts.Number(threshold)), texts.Get(TextKey.ReleaseImpact), contact, texts.Get(TextKey.ReleaseStep)),
            metrics.ErrorPercent(TimeSpan.FromMinutes(1)), threshold, periods: 3);
        AlarmFactory.Above(
            scope, pascal + "ReleaseLatency", latencyName,
            descriptions.Describe(texts.Get(TextKey.ReleaseLatencyWhat, app.Id, latencyMs), texts.Get(TextKey.ReleaseImpact), contact, texts.Get(TextKey.ReleaseStep)),
            metrics.Latency("p95", TimeSpan.FromMinutes(1)), latencyMs / 1000.0, periods: 3);
        return [errorsName, latencyName];
    }

    /// <summary>Same as the string overload, reading the full names from the CDK constructs.</summary>
    public static IReadOnlyList<string> Create(Construct scope, ResolvedEnvironment environment, ResolvedApiApp app, ApplicationTargetGroup targetGroup, ApplicationLoadBalancer loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(targetGroup);
        ArgumentNullException.ThrowIfNull(loadBalancer);
        return Create(scope, environment, app, targetGroup.TargetGroupFullName, loadBalancer.LoadBalancerFullName);
    }
}
