using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class SloAlarmTests(SynthesisFixture fixture)
{
    [Fact]
    public void Every_api_app_has_fast_and_slow_burn_rate_alarms_over_two_windows_each()
    {
        foreach (var synthesis in fixture.All)
        {
            foreach (var app in synthesis.Environment.Apps.OfType<ResolvedApiApp>())
            {
                AssertBurnRateAlarms(synthesis.App(app.Id), app, "AWS/ApplicationELB");
            }
        }
    }

    /// <summary>
    /// A static app's burn-rate alarms read the per-path metrics of the edge access logs, in us-east-1 where the metric
    /// filters publish them, whether or not other apps share the distribution (ADR 0011).
    /// </summary>
    [Fact]
    public void A_static_app_has_burn_rate_alarms_on_its_own_path_in_us_east_1()
    {
        foreach (var synthesis in new[] { fixture.StaticOnly, fixture.DesafioDev })
        {
            Assert.Equal("us-east-1", synthesis.Stacks.Edge.Region);
            foreach (var app in synthesis.Environment.Apps.OfType<ResolvedStaticApp>())
            {
                AssertBurnRateAlarms(synthesis.EdgeApp(app.Id), app, StaticPathMetrics.NamespaceOf(synthesis.Environment));
            }
        }
    }

    /// <summary>CloudFront rates are per distribution, so they count every app behind it: no static app alarm reads them (ADR 0011).</summary>
    [Fact]
    public void A_static_app_has_no_distribution_wide_alarm()
    {
        foreach (var synthesis in new[] { fixture.StaticOnly, fixture.DesafioDev })
        {
            foreach (var app in synthesis.Environment.Apps.OfType<ResolvedStaticApp>())
            {
                var template = synthesis.EdgeApp(app.Id);
                Assert.DoesNotContain("AWS/CloudFront", template.Text, StringComparison.Ordinal);
                var pascal = MonitoringNames.Pascal(app.Id);
                Assert.Contains(pascal + "FilesMissing", template.Resources.Select(r => r.Key));
            }
        }
    }

    [Fact]
    public void Burn_rate_thresholds_in_the_templates_follow_each_app_slo()
    {
        var synthesis = fixture.DesafioDev;

        // backend: 99.9 -> budget 0.1% -> 1.44% fast, 0.6% slow.
        Assert.Equal(1.44, Threshold(synthesis.App("backend"), "BackendErrorBudgetFastBurnLong"));
        Assert.Equal(1.44, Threshold(synthesis.App("backend"), "BackendErrorBudgetFastBurnShort"));
        Assert.Equal(0.6, Threshold(synthesis.App("backend"), "BackendErrorBudgetSlowBurnLong"));

        // docs alone behind its distribution: default availability 99.5 -> 7.2% fast, 3% slow.
        Assert.Equal(7.2, Threshold(fixture.StaticOnly.EdgeApp("docs"), "DocsErrorBudgetFastBurnLong"));
        Assert.Equal(3, Threshold(fixture.StaticOnly.EdgeApp("docs"), "DocsErrorBudgetSlowBurnShort"));

        // minimal has no SLO: the default availability (99.5) gives 7.2% and 3%.
        Assert.Equal(BurnRateWindow.Fast.ThresholdPercent(Defaults.Availability), Threshold(fixture.Minimal.App("api"), "ApiErrorBudgetFastBurnLong"));
        Assert.Equal(7.2, Threshold(fixture.Minimal.App("api"), "ApiErrorBudgetFastBurnLong"));
    }

    [Fact]
    public void Every_api_app_has_a_latency_alarm_at_its_slo()
    {
        foreach (var synthesis in fixture.All)
        {
            foreach (var app in synthesis.Environment.Apps.OfType<ResolvedApiApp>())
            {
                var latency = synthesis.App(app.Id).Properties(MonitoringNames.Pascal(app.Id) + "LatencyHigh");
                Assert.Equal(app.Slo.LatencyP95Ms!.Value / 1000.0, (double)latency["Threshold"]!);
                Assert.Equal("p95", (string)latency["ExtendedStatistic"]!);
                Assert.Equal("TargetResponseTime", (string)latency["MetricName"]!);
            }
        }
    }

    [Fact]
    public void Api_apps_have_target_task_and_saturation_alarms()
    {
        var regional = fixture.DesafioProd.App("backend");
        Assert.Equal("UnHealthyHostCount", (string)regional.Properties("BackendUnhealthyTargets")["MetricName"]!);
        var tasks = regional.Properties("BackendTasksBelowMinimum");
        Assert.Equal("HealthyHostCount", (string)tasks["MetricName"]!);
        Assert.Equal(3, (double)tasks["Threshold"]!); // prod overrides scale.min to 3
        Assert.Equal("CPUUtilization", (string)regional.Properties("BackendCpuHigh")["MetricName"]!);
        Assert.Equal("MemoryUtilization", (string)regional.Properties("BackendMemoryHigh")["MetricName"]!);
    }

    [Fact]
    public void Every_app_has_customers_affected_composites_over_its_slo_alarms()
    {
        foreach (var synthesis in fixture.All)
        {
            foreach (var app in synthesis.Environment.Apps)
            {
                var pascal = MonitoringNames.Pascal(app.Id);
                var edgeRule = Rule(synthesis.EdgeApp(app.Id), pascal + "CustomersAffected");
                Assert.Contains(pascal + "ExternalCheckFailed", edgeRule);
                if (app is ResolvedApiApp)
                {
                    var rule = Rule(synthesis.App(app.Id), pascal + "CustomersAffected");
                    Assert.Contains(pascal + "ErrorBudgetFastBurn.Arn", rule);
                    Assert.Contains(pascal + "ErrorBudgetSlowBurn.Arn", rule);
                    Assert.Contains(pascal + "LatencyHigh.Arn", rule);
                    Assert.StartsWith("(ALARM(", rule, StringComparison.Ordinal);
                    Assert.Contains(") OR ALARM(", rule, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Contains(pascal + "ErrorBudgetFastBurn.Arn", edgeRule);
                    Assert.Contains(pascal + "ErrorBudgetSlowBurn.Arn", edgeRule);
                    Assert.Contains(pascal + "FilesMissing.Arn", edgeRule);

                    Assert.False(synthesis.Regional.Resources.ContainsKey(pascal + "CustomersAffected"));
                    Assert.DoesNotContain(synthesis.Stacks.Apps, s => s.Stack.StackName == MonitoringNames.AppStack(synthesis.Environment, app.Id));
                }
            }
        }
    }

    /// <summary>
    /// Issue 12, defect 6: the edge composite describes only what it watches (an api app's only the external check, a
    /// static app's also its per-path alarms); a static app's check warns that it fails until the first upload (ADR
    /// 0011; scenario static-before-first-upload).
    /// </summary>
    [Fact]
    public void Edge_descriptions_name_only_what_is_watched_and_a_static_check_warns_about_the_first_upload()
    {
        foreach (var synthesis in new[] { fixture.DesafioDev, fixture.DesafioDevEnglish })
        {
            var texts = MonitoringTexts.For(synthesis.Environment.Locale);
            foreach (var app in synthesis.Environment.Apps)
            {
                var pascal = MonitoringNames.Pascal(app.Id);
                var composite = (string)synthesis.EdgeApp(app.Id).Properties(pascal + "CustomersAffected")["AlarmDescription"]!;
                Assert.StartsWith(texts.Get(app is ResolvedStaticApp ? TextKey.CustomersAffectedEdgeWhat : TextKey.CustomersAffectedCheckWhat, app.Id), composite, StringComparison.Ordinal);
                Assert.DoesNotContain("CDN", composite, StringComparison.Ordinal);
                var check = (string)synthesis.EdgeApp(app.Id).Properties(pascal + "ExternalCheckFailed")["AlarmDescription"]!;
                Assert.Equal(app is ResolvedStaticApp, check.Contains(texts.Get(TextKey.ExternalCheckBeforeFirstUpload), StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Every_app_has_an_https_health_check_on_its_public_url()
    {
        var backend = fixture.DesafioDev.EdgeApp("backend").Properties("BackendHealthCheck")["HealthCheckConfig"]!;
        Assert.Equal("HTTPS", (string)backend["Type"]!);
        Assert.Equal("app.dev.desafio.example.com", (string)backend["FullyQualifiedDomainName"]!);
        Assert.Equal("/backend/health/live", (string)backend["ResourcePath"]!);
        Assert.True((bool)backend["EnableSNI"]!);
        var frontend = fixture.DesafioDev.EdgeApp("frontend").Properties("FrontendHealthCheck")["HealthCheckConfig"]!;
        Assert.Equal("/frontend/index.html", (string)frontend["ResourcePath"]!);

        // Without a domain the public name is the distribution's, passed as a parameter.
        var minimal = fixture.Minimal.EdgeApp("api").Properties("ApiHealthCheck")["HealthCheckConfig"]!;
        Assert.Equal("${Ref:PublicHostName}", Template.Flatten(minimal["FullyQualifiedDomainName"]));
        Assert.Equal("/api/health", (string)minimal["ResourcePath"]!);

        foreach (var synthesis in fixture.All)
        {
            foreach (var app in synthesis.Environment.Apps)
            {
                var pascal = MonitoringNames.Pascal(app.Id);
                var alarm = synthesis.EdgeApp(app.Id).Properties(pascal + "ExternalCheckFailed");
                Assert.Equal("HealthCheckStatus", (string)alarm["MetricName"]!);
                Assert.Equal(pascal + "HealthCheck", (string)alarm["Dimensions"]![0]!["Value"]!["Fn::GetAtt"]![0]!);
                Assert.Equal("LessThanThreshold", (string)alarm["ComparisonOperator"]!);
            }
        }
    }

    [Fact]
    public void Every_alarm_window_is_expressible_in_cloudwatch()
    {
        foreach (var synthesis in fixture.All)
        {
            foreach (var template in synthesis.Templates)
            {
                foreach (var (id, alarm) in template.OfType("AWS::CloudWatch::Alarm").Select(a => (a.Key, a.Value["Properties"]!.AsObject())))
                {
                    var periods = alarm["Metrics"] is JsonArray metrics
                        ? metrics.Where(m => m!["MetricStat"] is not null).Select(m => (int)m!["MetricStat"]!["Period"]!).ToList()
                        : [(int)alarm["Period"]!];
                    Assert.NotEmpty(periods);
                    Assert.Single(periods.Distinct());
                    Assert.True(periods[0] % 60 == 0, $"{id}: period {periods[0]}");
                    Assert.True(periods[0] * (int)alarm["EvaluationPeriods"]! <= 86400, $"{id}: evaluates more than a day");
                }
            }
        }
    }

    [Fact]
    public void Every_alarm_description_says_what_customers_feel_who_owns_it_and_the_first_step()
    {
        foreach (var synthesis in new[] { fixture.DesafioDev, fixture.DesafioDevEnglish })
        {
            var pt = synthesis.Environment.Locale == Model.Locale.PtBr;
            foreach (var template in synthesis.Templates)
            {
                foreach (var (id, alarm) in template.Alarms)
                {
                    var description = Template.Flatten(alarm["AlarmDescription"]);
                    Assert.Contains(pt ? "Clientes:" : "Customers:", description, StringComparison.Ordinal);
                    Assert.Contains(pt ? "Primeiro passo:" : "First step:", description, StringComparison.Ordinal);
                    Assert.Contains(pt ? "Responsável:" : "Owner:", description, StringComparison.Ordinal);
                    var app = synthesis.Environment.Apps.SingleOrDefault(a => id.StartsWith(MonitoringNames.Pascal(a.Id), StringComparison.Ordinal));
                    if (app is not null)
                    {
                        var owner = synthesis.Owner(app);
                        Assert.Contains(owner.Name, description, StringComparison.Ordinal);
                        Assert.Contains(owner.Email, description, StringComparison.Ordinal);
                        Assert.Contains(owner.Phone!, description, StringComparison.Ordinal);
                    }

                    Assert.True(description.Length <= 1024, id);
                }
            }
        }
    }

    [Fact]
    public void Database_alarms_cover_cpu_storage_connections_and_memory()
    {
        var regional = fixture.DesafioDev.Regional;
        Assert.Equal("CPUUtilization", (string)regional.Properties("DatabaseCpuHigh")["MetricName"]!);
        Assert.Equal(2d * 1024 * 1024 * 1024, (double)regional.Properties("DatabaseStorageLow")["Threshold"]!); // 10% of 20 GiB
        Assert.Equal("DatabaseConnections", (string)regional.Properties("DatabaseConnectionsHigh")["MetricName"]!);
        Assert.Equal("FreeableMemory", (string)regional.Properties("DatabaseMemoryLow")["MetricName"]!);
        Assert.DoesNotContain(fixture.Minimal.Regional.Resources, r => r.Key.StartsWith("Database", StringComparison.Ordinal));
    }

    private static void AssertBurnRateAlarms(Template template, ResolvedApp app, string metricNamespace)
    {
        var pascal = MonitoringNames.Pascal(app.Id);
        foreach (var rule in BurnRateWindow.All)
        {
            var composite = $"{pascal}ErrorBudget{rule.Name}Burn";
            var expression = Rule(template, composite);
            Assert.Equal($"(ALARM(\"${{GetAtt:{composite}Long.Arn}}\") AND ALARM(\"${{GetAtt:{composite}Short.Arn}}\"))", expression);
            foreach (var (suffix, minutes) in new[] { ("Long", rule.LongWindowMinutes), ("Short", rule.ShortWindowMinutes) })
            {
                var alarm = template.Properties(composite + suffix);
                var metrics = alarm["Metrics"]!.AsArray();
                var math = metrics.Single(m => m!["Expression"] is not null)!;
                Assert.StartsWith("IF(", (string)math["Expression"]!, StringComparison.Ordinal);
                Assert.All(metrics.Where(m => m!["MetricStat"] is not null), m =>
                {
                    Assert.Equal(minutes * 60, (int)m!["MetricStat"]!["Period"]!);
                    Assert.Equal(metricNamespace, (string)m["MetricStat"]!["Metric"]!["Namespace"]!);
                });
                Assert.Equal(rule.ThresholdPercent(app.Slo.Availability), (double)alarm["Threshold"]!);
                Assert.Null(alarm["AlarmActions"]);
            }
        }
    }

    private static double Threshold(Template template, string id) => (double)template.Properties(id)["Threshold"]!;

    private static string Rule(Template template, string id) => Template.Flatten(template.Properties(id)["AlarmRule"]);
}
