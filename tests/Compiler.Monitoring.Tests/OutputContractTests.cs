using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;

namespace Trilho.Compiler.Monitoring.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class OutputContractTests(SynthesisFixture fixture)
{
    [Fact]
    public void Templates_are_plain_cloudformation_without_bootstrap_assets_custom_resources_or_lambda()
    {
        foreach (var synthesis in fixture.All)
        {
            foreach (var template in synthesis.Templates)
            {
                Assert.False(template.Parameters.ContainsKey("BootstrapVersion"), template.Name);
                Assert.Null(template.Json["Rules"]?["CheckBootstrapVersion"]);
                Assert.DoesNotContain(template.Resources, r =>
                {
                    var type = (string)r.Value!["Type"]!;
                    return type.StartsWith("Custom::", StringComparison.Ordinal)
                        || type == "AWS::CloudFormation::CustomResource"
                        || type.StartsWith("AWS::Lambda::", StringComparison.Ordinal)
                        || type == "AWS::CDK::Metadata";
                });
                foreach (var marker in new[] { "aws:asset:path", "cdk-hnb659fds", "AssetParameters", "aws:cdk:path" })
                {
                    Assert.DoesNotContain(marker, template.Text, StringComparison.Ordinal);
                }

                var assets = Path.Combine(synthesis.OutDir, template.Name + ".assets.json");
                if (File.Exists(assets))
                {
                    var files = JsonNode.Parse(File.ReadAllText(assets))!["files"]?.AsObject() ?? [];
                    Assert.All(files, f => Assert.Equal(template.Name + ".template.json", (string)f.Value!["source"]!["path"]!));
                    Assert.Empty(JsonNode.Parse(File.ReadAllText(assets))!["dockerImages"]?.AsObject() ?? []);
                }
            }
        }
    }

    [Fact]
    public void Same_input_gives_byte_identical_templates()
    {
        var again = fixture.Synthesize(fixture.DesafioDev.Environment);
        Assert.Equal(fixture.DesafioDev.Regional.Text, again.Regional.Text);
        Assert.Equal(fixture.DesafioDev.Edge.Text, again.Edge.Text);
        Assert.Equal(fixture.DesafioDev.App("backend").Text, again.App("backend").Text);
        Assert.Equal(fixture.DesafioDev.EdgeApp("frontend").Text, again.EdgeApp("frontend").Text);
    }

    [Fact]
    public void Stacks_deploy_to_the_environment_region_and_us_east_1()
    {
        var synthesis = fixture.DesafioDev;
        Assert.Equal("sa-east-1", synthesis.Stacks.Regional.Region);
        Assert.Equal("sa-east-1", synthesis.Stacks.Regional.Stack.Region);
        Assert.Equal("us-east-1", synthesis.Stacks.Edge.Stack.Region);
        Assert.Equal("desafio-dev-monitoring", synthesis.Stacks.Regional.Stack.StackName);
        Assert.Equal("desafio-dev-monitoring-edge", synthesis.Stacks.Edge.Stack.StackName);
        Assert.Equal(["desafio-dev-monitoring-app-backend"], synthesis.Stacks.Apps.Select(s => s.Stack.StackName));
        Assert.Equal(["sa-east-1"], synthesis.Stacks.Apps.Select(s => s.Stack.Region));
        Assert.Equal(["desafio-dev-monitoring-edge-app-backend", "desafio-dev-monitoring-edge-app-frontend"], synthesis.Stacks.EdgeApps.Select(s => s.Stack.StackName));
        Assert.All(synthesis.Stacks.EdgeApps, s => Assert.Equal("us-east-1", s.Stack.Region));
    }

    [Fact]
    public void Declared_parameters_are_exactly_the_template_parameters()
    {
        foreach (var synthesis in fixture.All)
        {
            Assert.Equal(synthesis.Stacks.Regional.Parameters.Select(p => p.Key).Order(), synthesis.Regional.Parameters.Select(p => p.Key).Order());
            Assert.Equal(synthesis.Stacks.Edge.Parameters.Select(p => p.Key).Order(), synthesis.Edge.Parameters.Select(p => p.Key).Order());
            foreach (var (info, template) in synthesis.Stacks.Apps.Zip(synthesis.Apps).Concat(synthesis.Stacks.EdgeApps.Zip(synthesis.EdgeApps)))
            {
                Assert.Equal(info.Parameters.Select(p => p.Key).Order(), template.Parameters.Select(p => p.Key).Order());
            }

            Assert.All(synthesis.Templates.SelectMany(t => t.Parameters), p => Assert.Contains("output", (string)p.Value!["Description"]!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Stacks_take_values_from_other_stacks_as_parameters()
    {
        Assert.Equal(
            // Economy has no team dashboards: the regional stack imports only what the operations dashboard and the database alarms read.
            ["BackendTargetGroupFullName", "DatabaseInstanceId", "FrontendHealthCheckId", "LoadBalancerFullName"],
            fixture.DesafioDev.Stacks.Regional.Parameters.Select(p => p.Key).Order());
        Assert.Empty(fixture.DesafioDev.Stacks.Edge.Parameters);
        Assert.Equal(["BackendAlarmTopicArn", "NocAlarmTopicArn"], fixture.DesafioDev.Stacks.EdgeApps[0].Parameters.Select(p => p.Key).Order());
        // The distribution serves both apps, so the frontend's edge stack has no CloudFront alarm and no distribution id (ADR 0011).
        Assert.Equal(["FrontendAlarmTopicArn", "NocAlarmTopicArn"], fixture.DesafioDev.Stacks.EdgeApps[1].Parameters.Select(p => p.Key).Order());
        Assert.Equal(["ApiTargetGroupFullName", "LoadBalancerFullName"], fixture.Minimal.Stacks.Regional.Parameters.Select(p => p.Key).Order());
        Assert.Equal(["CoreAlarmTopicArn", "PublicHostName"], fixture.Minimal.Stacks.EdgeApps.Single().Parameters.Select(p => p.Key).Order());
        Assert.Equal(
            ["BackendAlarmTopicArn", "BackendServiceName", "BackendTargetGroupFullName", "ClusterName", "LoadBalancerFullName", "NocAlarmTopicArn"],
            fixture.DesafioDev.Stacks.Apps.Single().Parameters.Select(p => p.Key).Order());

        // The regional stack produces the topic ARNs the app alarm stacks take.
        var topics = fixture.DesafioDev.Regional.Json["Outputs"]!.AsObject();
        Assert.Equal("BackendAlarmTopic", (string)topics["BackendAlarmTopicArn"]!["Value"]!["Ref"]!);
        Assert.Equal("NocAlarmTopic", (string)topics["NocAlarmTopicArn"]!["Value"]!["Ref"]!);

        // The edge app stacks produce the health check ids the regional stack takes.
        Assert.Equal("BackendHealthCheck", (string)fixture.DesafioDev.EdgeApp("backend").Json["Outputs"]!["BackendHealthCheckId"]!["Value"]!["Fn::GetAtt"]![0]!);
        Assert.Equal("FrontendHealthCheck", (string)fixture.DesafioDev.EdgeApp("frontend").Json["Outputs"]!["FrontendHealthCheckId"]!["Value"]!["Fn::GetAtt"]![0]!);
    }

    [Fact]
    public void Logical_ids_and_alarm_names_derive_from_platform_yaml_names()
    {
        var regional = fixture.DesafioDev.App("backend");
        Assert.Equal("desafio-dev-backend-error-budget-fast-burn", (string)regional.Properties("BackendErrorBudgetFastBurn")["AlarmName"]!);
        Assert.Equal("desafio-dev-backend-customers-affected", (string)regional.Properties("BackendCustomersAffected")["AlarmName"]!);
        Assert.Equal("desafio-dev-frontend-edge-customers-affected", (string)fixture.DesafioDev.EdgeApp("frontend").Properties("FrontendCustomersAffected")["AlarmName"]!);
        Assert.Equal("MyApi", MonitoringNames.Pascal("my-api"));
        Assert.Equal("error-budget-fast-burn", MonitoringNames.Kebab("ErrorBudgetFastBurn"));
    }
}
