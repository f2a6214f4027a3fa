using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class DashboardTests(SynthesisFixture fixture)
{
    private static readonly string[] TextProperties = ["title", "markdown", "label"];

    [Fact]
    public void Every_app_has_an_operations_row_with_traffic_light_availability_budget_traffic_and_who_to_call()
    {
        foreach (var synthesis in fixture.All)
        {
            var widgets = synthesis.Regional.DashboardBody("OperationsDashboard")["widgets"]!.AsArray();
            foreach (var app in synthesis.Environment.Apps)
            {
                var owner = synthesis.Owner(app);
                var who = widgets.Single(w => (string?)w!["type"] == "text" && ((string)w["properties"]!["markdown"]!).Contains($"**{app.Id}**", StringComparison.Ordinal))!;
                var markdown = (string)who["properties"]!["markdown"]!;
                Assert.Contains(owner.Name, markdown, StringComparison.Ordinal);
                Assert.Contains(owner.Email, markdown, StringComparison.Ordinal);
                if (owner.Phone is not null)
                {
                    Assert.Contains(owner.Phone, markdown, StringComparison.Ordinal);
                }

                var row = widgets.Where(w => (int)w!["y"]! == (int)who["y"]!).ToList();
                Assert.Equal(["alarm", "metric", "metric", "metric", "text"], row.Select(w => (string)w!["type"]!).Order());
                Assert.Equal(24, row.Sum(w => (int)w!["width"]!));

                var light = Flat(row.Single(w => (string)w!["type"]! == "alarm")!["properties"]!["alarms"]);
                Assert.Contains($"cloudwatch:us-east-1:{synthesis.Environment.Account}:alarm:{synthesis.Environment.StackPrefix}-{app.Id}-edge-customers-affected", light, StringComparison.Ordinal);
                if (app is ResolvedApiApp)
                {
                    // In the app's own alarm stack: named by ARN, in the environment's region.
                    Assert.Contains($"cloudwatch:{synthesis.Environment.Region}:{synthesis.Environment.Account}:alarm:{synthesis.Environment.StackPrefix}-{app.Id}-customers-affected", light, StringComparison.Ordinal);
                    var composite = (string)synthesis.App(app.Id).Properties(MonitoringNames.Pascal(app.Id) + "CustomersAffected")["AlarmName"]!;
                    Assert.Contains($":alarm:{composite}\"", light, StringComparison.Ordinal);
                }

                var singleValues = row.Where(w => w!["properties"]!["view"]?.ToString() == "singleValue").ToList();
                Assert.Equal(["-P30D", "-PT24H"], singleValues.Select(w => (string)w!["properties"]!["start"]!).Order());
                Assert.All(singleValues, w => Assert.True((bool)w!["properties"]!["setPeriodToTimeRange"]!));
                var budget = singleValues.Single(w => (string)w!["properties"]!["start"]! == "-P30D")!.ToJsonString();
                Assert.Contains($"/ {Math.Round(100 - app.Slo.Availability, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)}", budget, StringComparison.Ordinal);

                var traffic = row.Single(w => w!["properties"]!["view"]?.ToString() == "timeSeries")!["properties"]!;
                // A static app's graph is its own path's (edge access logs, ADR 0011), so it carries the SLO line too.
                var line = (double)traffic["annotations"]!["horizontal"]![0]!["value"]!;
                Assert.Equal(app is ResolvedApiApp ? app.Slo.LatencyP95Ms!.Value / 1000.0 : Math.Round(100 - app.Slo.Availability, 6), line);
            }
        }
    }

    [Fact]
    public void Portuguese_and_english_dashboards_differ_only_in_language()
    {
        var pt = fixture.DesafioDevTeamDashboards.Regional;
        var en = fixture.DesafioDevEnglish.Regional;
        var dashboards = pt.OfType("AWS::CloudWatch::Dashboard").Select(d => d.Key).ToList();
        Assert.Equal(dashboards, en.OfType("AWS::CloudWatch::Dashboard").Select(d => d.Key).ToList());
        Assert.Equal(3, dashboards.Count);
        foreach (var id in dashboards)
        {
            var ptBody = pt.DashboardBody(id);
            var enBody = en.DashboardBody(id);
            Assert.Equal(WithoutTexts(enBody).ToJsonString(), WithoutTexts(ptBody).ToJsonString());
            Assert.NotEqual(enBody.ToJsonString(), ptBody.ToJsonString());
        }

        var ptOps = pt.DashboardBody("OperationsDashboard").ToJsonString();
        var enOps = en.DashboardBody("OperationsDashboard").ToJsonString();
        Assert.Contains("Equipe", ptOps, StringComparison.Ordinal);
        Assert.Contains("Disponibilidade", ptOps, StringComparison.Ordinal);
        Assert.DoesNotContain("Availability", ptOps, StringComparison.Ordinal);
        Assert.Contains("Team", enOps, StringComparison.Ordinal);
        Assert.Contains("Availability", enOps, StringComparison.Ordinal);
        Assert.DoesNotContain("Disponibilidade", enOps, StringComparison.Ordinal);
        Assert.Equal("desafio-dev-operacao", (string)pt.Properties("OperationsDashboard")["DashboardName"]!);
        Assert.Equal("desafio-dev-operations", (string)en.Properties("OperationsDashboard")["DashboardName"]!);
    }

    /// <summary>Economy (the sample's dev) keeps only the NOC's operations dashboard; the alarms stay (docs/monitoring.md).</summary>
    [Fact]
    public void Economy_has_the_operations_dashboard_and_no_team_technical_dashboards()
    {
        var regional = fixture.DesafioDev.Regional;
        Assert.Equal(["OperationsDashboard"], regional.OfType("AWS::CloudWatch::Dashboard").Select(d => d.Key).ToList());
        Assert.Equal("desafio-dev-operacao", (string)regional.Properties("OperationsDashboard")["DashboardName"]!);
        Assert.Equal(
            fixture.DesafioDevTeamDashboards.Regional.OfType("AWS::CloudWatch::Alarm").Select(a => a.Key).Order(StringComparer.Ordinal).ToList(),
            regional.OfType("AWS::CloudWatch::Alarm").Select(a => a.Key).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Resilient (prod) has them by default; in economy the environment's override turns them on.</summary>
    [Theory]
    [InlineData("prod")]
    [InlineData("dev with teamDashboards: true")]
    public void Every_owning_team_has_a_technical_dashboard_with_its_apps_and_the_database_its_apps_use(string environment)
    {
        var (synthesis, name) = environment == "prod" ? (fixture.DesafioProd, "prod") : (fixture.DesafioDevTeamDashboards, "dev");
        var regional = synthesis.Regional;
        Assert.Equal(
            ["BackendTechnicalDashboard", "FrontendTechnicalDashboard", "OperationsDashboard"],
            regional.OfType("AWS::CloudWatch::Dashboard").Select(d => d.Key).Order(StringComparer.Ordinal).ToList());
        Assert.Equal($"desafio-{name}-backend-tecnico", (string)regional.Properties("BackendTechnicalDashboard")["DashboardName"]!);
        var backend = regional.DashboardBody("BackendTechnicalDashboard").ToJsonString();
        Assert.Contains("TargetResponseTime", backend, StringComparison.Ordinal);
        Assert.Contains("CPUUtilization", backend, StringComparison.Ordinal);
        Assert.Contains("AWS/RDS", backend, StringComparison.Ordinal);
        Assert.Contains("HealthCheckStatus", backend, StringComparison.Ordinal);
        Assert.Contains($"desafio-{name}-backend-edge-external-check-failed", backend, StringComparison.Ordinal);
        var frontend = regional.DashboardBody("FrontendTechnicalDashboard").ToJsonString();
        Assert.Contains($"Trilho/desafio-{name}/EdgeLogs", frontend, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS/CloudFront", frontend, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS/RDS", frontend, StringComparison.Ordinal);
        Assert.DoesNotContain("TargetResponseTime", frontend, StringComparison.Ordinal);

        // noc owns nothing and gets no database alarms: the operations dashboard is its view.
        Assert.False(regional.Resources.ContainsKey("NocTechnicalDashboard"));
    }

    [Fact]
    public void Edge_log_and_route53_widgets_read_us_east_1()
    {
        var body = fixture.DesafioProd.Regional.DashboardBody("FrontendTechnicalDashboard");
        var edge = body["widgets"]!.AsArray().Where(w => w!["properties"]!.ToJsonString().Contains("Trilho/desafio-prod/EdgeLogs", StringComparison.Ordinal) || w!["properties"]!.ToJsonString().Contains("AWS/Route53", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(edge);
        foreach (var widget in edge)
        {
            Assert.Equal("us-east-1", (string)widget!["properties"]!["region"]!);
        }
    }

    private static string Flat(JsonNode? node) => node!.ToJsonString();

    // Replaces every human-readable text (titles, markdown, series labels) with a marker; what remains is structure and metrics.
    private static JsonNode WithoutTexts(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        if (TextProperties.Contains(key) && o[key] is JsonValue)
                        {
                            o[key] = "*";
                        }
                        else
                        {
                            Strip(o[key]);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }
}
