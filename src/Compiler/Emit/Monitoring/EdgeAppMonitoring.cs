using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Route53;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// The us-east-1 part of one app, in its own stack so the edge monitoring stays the same size whatever the number of
/// apps: a Route 53 HTTPS health check on its public URL and an alarm on it; for a static app alone behind the
/// distribution CloudFront burn-rate alarms (with other apps behind it the distribution's rate is not the app's, so it
/// pages no one: ADR 0011); an <c>&lt;App&gt;CustomersAffected</c> composite of those. Topics come from the edge
/// monitoring stack.
/// </summary>
internal sealed class EdgeAppMonitoring
{
    /// <summary>Builds everything in <paramref name="stack"/>.</summary>
    public EdgeAppMonitoring(Stack stack, ResolvedEnvironment environment, ResolvedApp app, AlarmDescriptions descriptions)
    {
        App = app;
        var texts = descriptions.Texts;
        var parameters = new StackParameters(stack);
        var publicHost = EmitNames.PublicHost(environment)
            ?? parameters.Add(MonitoringNames.PublicHostName, "Public host name of the platform: output DistributionDomainName of the edge (CloudFront) stack.");
        var staticMetrics = app is ResolvedStaticApp && StaticAppMetrics.DistributionIsTheApp(environment)
            ? new StaticAppMetrics(parameters.Add(MonitoringNames.DistributionId, "CloudFront distribution id: output DistributionId of the edge (CloudFront) stack."))
            : null;
        var owner = AlarmRouting.Owner(environment, app);
        var watchers = AlarmRouting.Watchers(environment);
        var topics = TeamTopics.Import(stack, parameters, [owner, .. watchers]);

        var pascal = MonitoringNames.Pascal(app.Id);
        var contact = descriptions.Contact(owner);
        var url = $"https://{publicHost}{CheckPath(app)}";
        var healthCheck = new CfnHealthCheck(stack, pascal + "HealthCheck", new CfnHealthCheckProps
        {
            HealthCheckConfig = new CfnHealthCheck.HealthCheckConfigProperty
            {
                Type = "HTTPS",
                FullyQualifiedDomainName = publicHost,
                Port = 443,
                ResourcePath = CheckPath(app),
                EnableSni = true,
                RequestInterval = 30,
                FailureThreshold = 3,
            },
            HealthCheckTags = new object[] { new CfnHealthCheck.HealthCheckTagProperty { Key = "Name", Value = $"{environment.StackPrefix}-{app.Id}" } },
        });
        _ = new CfnOutput(stack, MonitoringNames.HealthCheckId(app.Id), new CfnOutputProps
        {
            Value = healthCheck.AttrHealthCheckId,
            Description = $"Route 53 health check of {app.Id}; input of the regional monitoring stack.",
        });

        var checkName = MonitoringNames.Alarm(environment, app.Id, "ExternalCheckFailed", edge: true);

        // A static app's path has no files between its first deploy and its team's first upload: the check fails and
        // this alarm fires. It is kept (customers really get an error there) and says so (ADR 0011).
        var checkWhat = texts.Get(TextKey.ExternalCheckWhat, app.Id, url);
        if (app is ResolvedStaticApp)
        {
            checkWhat += " " + texts.Get(TextKey.ExternalCheckBeforeFirstUpload);
        }

        var check = AlarmFactory.Below(
            stack,
            pascal + "ExternalCheckFailed",
            checkName,
            descriptions.Describe(
                checkWhat,
                texts.Get(TextKey.ExternalCheckImpact),
                contact,
                texts.Get(TextKey.ExternalCheckStep, url)),
            new MetricSpec("AWS/Route53", "HealthCheckStatus", [new("HealthCheckId", healthCheck.AttrHealthCheckId)], "Minimum", TimeSpan.FromMinutes(1)),
            1,
            periods: 3);
        var ownerAlarms = new List<NamedAlarm> { new(check, checkName) };
        if (staticMetrics is not null)
        {
            ownerAlarms.AddRange(BurnRateAlarms.Create(stack, environment, app, p => staticMetrics.ErrorPercent(p), descriptions, edge: true));
        }

        foreach (var alarm in ownerAlarms)
        {
            topics.Notify(alarm.Alarm, [owner]);
        }

        CustomersAffected = MonitoringNames.Alarm(environment, app.Id, "CustomersAffected", edge: true);
        var composite = AlarmFactory.AnyOf(
            stack,
            pascal + "CustomersAffected",
            CustomersAffected,
            descriptions.Describe(
                texts.Get(staticMetrics is null ? TextKey.CustomersAffectedCheckWhat : TextKey.CustomersAffectedEdgeWhat, app.Id),
                texts.Get(TextKey.CustomersAffectedImpact),
                contact,
                texts.Get(TextKey.CustomersAffectedStep, contact)),
            ownerAlarms.Select(a => a.Alarm));
        topics.Notify(composite, watchers);

        OwnerAlarmNames = ownerAlarms.Select(a => a.Name).ToList();
        Parameters = parameters.Declared;
    }

    /// <summary>The app.</summary>
    public ResolvedApp App { get; }

    /// <summary>Names of the edge alarms its owner receives, in creation order.</summary>
    public IReadOnlyList<string> OwnerAlarmNames { get; }

    /// <summary>Name of its edge "customers affected" composite.</summary>
    public string CustomersAffected { get; }

    /// <summary>The parameters this stack takes.</summary>
    public IReadOnlyList<MonitoringParameter> Parameters { get; }

    /// <summary>
    /// The path the external check requests: an api app's health check path; for a static app its
    /// <c>index.html</c>, because CloudFront's default root object applies only to <c>/</c> and S3 behind
    /// Origin Access Control answers 403 for a bare prefix.
    /// </summary>
    public static string CheckPath(ResolvedApp app) => app switch
    {
        ResolvedApiApp api => api.HealthCheck,
        _ => app.Path.TrimEnd('/') + "/index.html",
    };
}
