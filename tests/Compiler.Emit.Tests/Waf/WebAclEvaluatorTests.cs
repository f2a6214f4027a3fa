using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Waf;

/// <summary>The evaluator itself, on web ACLs written by hand after the AWS WAF developer guide (see WebAclEvaluator).</summary>
public sealed class WebAclEvaluatorTests
{
    private const string Label = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

    private static readonly WafRequest Small = new("POST", "/app/items", 8 * 1024);
    private static readonly WafRequest Large = new("POST", "/app/items", (8 * 1024) + 1);

    [Fact]
    public void The_common_rule_set_blocks_bodies_over_8_KB_and_nothing_at_8_KB()
    {
        var acl = Acl(Group(overrides: null));
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(acl, Small).Action);
        var verdict = WebAclEvaluator.Evaluate(acl, Large);
        Assert.Equal(("Block", "Common"), (verdict.Action, verdict.TerminatingRule));
        Assert.Contains(Label, verdict.Labels);
    }

    [Fact]
    public void A_rule_action_override_to_count_lets_the_request_go_on_but_still_labels_it()
    {
        var verdict = WebAclEvaluator.Evaluate(Acl(Group(overrides: "SizeRestrictions_BODY")), Large);
        Assert.Equal(("Allow", (string?)null), (verdict.Action, verdict.TerminatingRule));
        Assert.Contains(Label, verdict.Labels);
    }

    [Fact]
    public void A_group_override_action_count_turns_every_block_of_the_group_into_count()
    {
        var group = Group(overrides: null);
        group["OverrideAction"] = new JsonObject { ["Count"] = new JsonObject() };
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(Acl(group), Large).Action);
    }

    [Fact]
    public void A_label_match_sees_only_labels_of_rules_evaluated_before_it()
    {
        Assert.Equal("Block", WebAclEvaluator.Evaluate(Acl(Group("SizeRestrictions_BODY", 20), LabelRule(25)), Large).Action);
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(Acl(Group("SizeRestrictions_BODY", 20), LabelRule(15)), Large).Action);
    }

    [Theory]
    [InlineData("EXACTLY", "/api", "/api", true)]
    [InlineData("EXACTLY", "/api", "/api/", false)]
    [InlineData("STARTS_WITH", "/api/", "/api/items", true)]
    [InlineData("STARTS_WITH", "/api/", "/apix/items", false)]
    [InlineData("STARTS_WITH", "/api/", "/API/items", false)]
    public void A_byte_match_on_the_uri_path_compares_by_its_positional_constraint_case_sensitively(string position, string search, string path, bool blocked)
    {
        var rule = Rule(10, new JsonObject
        {
            ["ByteMatchStatement"] = new JsonObject
            {
                ["FieldToMatch"] = new JsonObject { ["UriPath"] = new JsonObject() },
                ["PositionalConstraint"] = position,
                ["SearchString"] = search,
                ["TextTransformations"] = new JsonArray(new JsonObject { ["Priority"] = 0, ["Type"] = "NONE" }),
            },
        });
        Assert.Equal(blocked ? "Block" : "Allow", WebAclEvaluator.Evaluate(Acl(rule), new WafRequest("GET", path, 0)).Action);
    }

    [Fact]
    public void And_or_and_not_combine_as_boolean_logic()
    {
        var labelled = new JsonObject { ["LabelMatchStatement"] = new JsonObject { ["Scope"] = "LABEL", ["Key"] = Label } };
        var path = new JsonObject
        {
            ["ByteMatchStatement"] = new JsonObject
            {
                ["FieldToMatch"] = new JsonObject { ["UriPath"] = new JsonObject() },
                ["PositionalConstraint"] = "STARTS_WITH",
                ["SearchString"] = "/app/",
                ["TextTransformations"] = new JsonArray(new JsonObject { ["Priority"] = 0, ["Type"] = "NONE" }),
            },
        };
        var rule = Rule(25, new JsonObject
        {
            ["AndStatement"] = new JsonObject
            {
                ["Statements"] = new JsonArray(labelled, new JsonObject { ["NotStatement"] = new JsonObject { ["Statement"] = path } }),
            },
        });
        var acl = Acl(Group("SizeRestrictions_BODY", 20), rule);
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(acl, Large).Action);
        Assert.Equal("Block", WebAclEvaluator.Evaluate(acl, Large with { UriPath = "/other/x" }).Action);
    }

    [Fact]
    public void A_statement_it_does_not_model_fails_instead_of_passing()
    {
        var rule = Rule(10, new JsonObject { ["GeoMatchStatement"] = new JsonObject { ["CountryCodes"] = new JsonArray("BR") } });
        Assert.Throws<NotSupportedException>(() => WebAclEvaluator.Evaluate(Acl(rule), Small));
    }

    private static JsonObject Acl(params JsonObject[] rules) => new()
    {
        ["DefaultAction"] = new JsonObject { ["Allow"] = new JsonObject() },
        ["Rules"] = new JsonArray(rules),
    };

    private static JsonObject Group(string? overrides, int priority = 20)
    {
        var statement = new JsonObject { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesCommonRuleSet" };
        if (overrides is not null)
        {
            statement["RuleActionOverrides"] = new JsonArray(new JsonObject
            {
                ["Name"] = overrides,
                ["ActionToUse"] = new JsonObject { ["Count"] = new JsonObject() },
            });
        }

        return new JsonObject
        {
            ["Name"] = "Common",
            ["Priority"] = priority,
            ["OverrideAction"] = new JsonObject { ["None"] = new JsonObject() },
            ["Statement"] = new JsonObject { ["ManagedRuleGroupStatement"] = statement },
        };
    }

    private static JsonObject LabelRule(int priority) =>
        Rule(priority, new JsonObject { ["LabelMatchStatement"] = new JsonObject { ["Scope"] = "LABEL", ["Key"] = Label } });

    private static JsonObject Rule(int priority, JsonObject statement) => new()
    {
        ["Name"] = $"Rule{priority}",
        ["Priority"] = priority,
        ["Action"] = new JsonObject { ["Block"] = new JsonObject() },
        ["Statement"] = statement,
    };
}
