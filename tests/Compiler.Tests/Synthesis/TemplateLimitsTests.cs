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
    public void A_text_too_long_points_at_the_written_value_it_was_built_from()
    {
        // On main every TRL4004 of an app stack pointed at the app's key (line 9 here), whatever value made the text long.
        var email = "platform-operations-team-with-a-long-address@" + new string('e', 60) + ".example.com";
        var result = FrontEnd.Analyze("platform.yaml", $"""
            platform: demo
            region: us-east-1
            teams:
              core:
                name: Core
                email: core@example.com
              ops:
                name: Operations
                email: {email}
            apps:
              api:
                type: api
                team: core
                path: /api
            environments:
              dev:
                account: "111111111111"
            """);
        var environment = Assert.Single(result.Platform!.Environments);
        var written = new WrittenValues(result.Document, environment);
        var description = string.Concat(Enumerable.Repeat($"Customers of /api are affected; the team is told at {email}. ", 12));
        var template = new JsonObject { ["Resources"] = new JsonObject { ["A"] = Alarm("demo-dev-api-availability", description) } };

        var diagnostic = Assert.Single(TemplateLimits.Check(Stack(template), At, written.In));

        Assert.Equal("TRL4004", diagnostic.Id);
        Assert.Equal((9, 12), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_text_too_long_with_no_written_value_in_it_keeps_the_given_line()
    {
        var result = FrontEnd.AnalyzeFile(Repository.PathOf("samples", "minimal", "platform.yaml"));
        var written = new WrittenValues(result.Document, Assert.Single(result.Platform!.Environments));
        var template = new JsonObject { ["Resources"] = new JsonObject { ["A"] = Alarm("a", new string('d', 1025)) } };

        Assert.Equal(At, Assert.Single(TemplateLimits.Check(Stack(template), At, written.In)).Location);
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
