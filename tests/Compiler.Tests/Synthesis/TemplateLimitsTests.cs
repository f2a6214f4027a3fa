using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Tests.Synthesis;

/// <summary>Quotas CloudFormation enforces only at deploy time, checked on the template that would be deployed.</summary>
public class TemplateLimitsTests
{
    private static readonly SourceLocation At = new("platform.yaml", 7, 3);

    private static StackTemplate Stack(JsonObject template) => new("p-dev-app-api", "us-east-1", "p-dev-app-api.template.json", template.ToJsonString(), [], []);

    private static JsonObject Alarm(string name, string description) => new()
    {
        ["Type"] = "AWS::CloudWatch::Alarm",
        ["Properties"] = new JsonObject { ["AlarmName"] = name, ["AlarmDescription"] = description },
    };

    [Fact]
    public void A_template_within_every_quota_has_no_diagnostic()
    {
        var template = new JsonObject { ["Resources"] = new JsonObject { ["A"] = Alarm(new string('a', 255), new string('d', 1024)) } };
        Assert.Empty(TemplateLimits.Check(Stack(template), At));
    }

    [Fact]
    public void A_name_over_its_limit_is_reported_at_the_given_line()
    {
        var template = new JsonObject
        {
            ["Resources"] = new JsonObject
            {
                ["A"] = Alarm(new string('a', 256), "ok"),
                ["Group"] = new JsonObject { ["Type"] = "AWS::ElasticLoadBalancingV2::TargetGroup", ["Properties"] = new JsonObject { ["Name"] = new string('t', 33) } },
                ["Computed"] = new JsonObject { ["Type"] = "AWS::Logs::LogGroup", ["Properties"] = new JsonObject { ["LogGroupName"] = new JsonObject { ["Fn::Join"] = new JsonArray("", new JsonArray(new string('x', 600))) } } },
            },
        };

        var diagnostics = TemplateLimits.Check(Stack(template), At).ToList();

        Assert.Equal(
            [
                "platform.yaml(7,3): error TRL4004: stack 'p-dev-app-api' would set AlarmName of AWS::CloudWatch::Alarm 'A' to 256 characters: AWS accepts at most 255, so the deploy would fail. Shorten the ids and names it is built from (platform, environment, app or team).",
                "platform.yaml(7,3): error TRL4004: stack 'p-dev-app-api' would set Name of AWS::ElasticLoadBalancingV2::TargetGroup 'Group' to 33 characters: AWS accepts at most 32, so the deploy would fail. Shorten the ids and names it is built from (platform, environment, app or team).",
            ],
            diagnostics.Select(d => d.ToCanonicalString()));
    }

    [Fact]
    public void Too_many_resources_outputs_and_a_template_over_1_MB_are_reported()
    {
        var resources = new JsonObject();
        for (var i = 0; i < 501; i++)
        {
            resources[$"D{i}"] = new JsonObject { ["Type"] = "AWS::CloudWatch::Dashboard", ["Properties"] = new JsonObject { ["DashboardBody"] = new string('b', 2000) } };
        }

        var outputs = new JsonObject();
        for (var i = 0; i < 201; i++)
        {
            outputs[$"O{i}"] = new JsonObject { ["Value"] = "v" };
        }

        var template = new JsonObject { ["Resources"] = resources, ["Outputs"] = outputs, ["Parameters"] = new JsonObject { ["P"] = new JsonObject { ["Type"] = "String" } } };

        var stack = Stack(template);
        var ids = TemplateLimits.Check(stack, At).Select(d => (d.Id, d.Message.Split(':')[0])).ToList();

        Assert.True(stack.TemplateBytes > 1_000_000);
        Assert.Equal(
            [
                ("TRL4002", $"stack 'p-dev-app-api' would be {stack.TemplateBytes} bytes"),
                ("TRL4003", "stack 'p-dev-app-api' would declare 501 resources"),
                ("TRL4003", "stack 'p-dev-app-api' would declare 201 outputs"),
            ],
            ids);
    }
}
