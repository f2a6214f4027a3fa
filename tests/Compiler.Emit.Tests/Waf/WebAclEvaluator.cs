using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Waf;

/// <summary>One web request as AWS WAF sees it behind CloudFront.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="UriPath">The path, without the query string.</param>
/// <param name="BodyBytes">Size of the request body in bytes.</param>
/// <param name="UserAgent">The User-Agent header, null when the client sends none.</param>
/// <param name="Earlier">The same IP's other requests within the last 5 minutes (what rate-based rules count).</param>
public sealed record WafRequest(string Method, string UriPath, int BodyBytes, string? UserAgent = WafRequest.Browser, IReadOnlyList<WafRequest>? Earlier = null)
{
    /// <summary>A browser's User-Agent.</summary>
    public const string Browser = "Mozilla/5.0 (Linux; Android 14) Mobile";
}

/// <summary>What the web ACL decided, and the labels the request carried at the end.</summary>
public sealed record WafVerdict(string Action, string? TerminatingRule, IReadOnlySet<string> Labels);

/// <summary>
/// Evaluates an <c>AWS::WAFv2::WebACL</c>'s properties over a request the way AWS WAF documents it, for exactly the
/// statements Trilho emits; anything else throws so that an unmodelled statement cannot pass silently.
/// Semantics (AWS WAF developer guide, https://docs.aws.amazon.com/waf/latest/developerguide/):
/// rules run in ascending priority and the first Allow or Block ends evaluation, Count continues ("web-acl-processing-order");
/// a rule that matches adds its labels whatever its action, and a label match statement only sees labels of rules
/// evaluated before it ("waf-labels"); a managed group's RuleActionOverrides replace a rule's action, OverrideAction
/// Count turns every action of the group into Count ("web-acl-rule-group-override-options");
/// a byte match applies its text transformations, then compares by positional constraint ("waf-rule-statement-type-string-match").
/// a rate-based statement counts the IP's requests in the window (only those matching its scope-down statement, when
/// it has one) and matches while that count exceeds its limit ("waf-rule-statement-type-rate-based").
/// Managed rule groups are modelled by the rules that a test request can trigger: of AWSManagedRulesCommonRuleSet,
/// SizeRestrictions_BODY (Block, bodies over 8 KB) and NoUserAgent_HEADER (Block, no User-Agent header),
/// "aws-managed-rule-groups-baseline"; the other rules of the groups inspect attack patterns the sample requests do not carry.
/// </summary>
public static class WebAclEvaluator
{
    private sealed record ManagedRule(string Name, string Action, string Label, Func<WafRequest, bool> Matches);

    private static readonly Dictionary<string, ManagedRule[]> ManagedGroups = new(StringComparer.Ordinal)
    {
        ["AWSManagedRulesCommonRuleSet"] =
        [
            new("NoUserAgent_HEADER", "Block", "awswaf:managed:aws:core-rule-set:NoUserAgent_Header", r => string.IsNullOrEmpty(r.UserAgent)),
            new("SizeRestrictions_BODY", "Block", "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body", r => r.BodyBytes > 8 * 1024),
        ],
        ["AWSManagedRulesAmazonIpReputationList"] = [],
        ["AWSManagedRulesKnownBadInputsRuleSet"] = [],
    };

    public static WafVerdict Evaluate(JsonNode webAcl, WafRequest request)
    {
        ArgumentNullException.ThrowIfNull(webAcl);
        ArgumentNullException.ThrowIfNull(request);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in webAcl["Rules"]!.AsArray().OrderBy(r => r!["Priority"]!.GetValue<int>()))
        {
            var name = rule!["Name"]!.GetValue<string>();
            var statement = rule["Statement"]!;
            if (statement["ManagedRuleGroupStatement"] is { } group)
            {
                var groupAction = ManagedGroup(group, rule["OverrideAction"]!, request, labels);
                if (groupAction is not null)
                {
                    return new WafVerdict(groupAction, name, labels);
                }

                continue;
            }

            if (!Matches(statement, request, labels))
            {
                continue;
            }

            foreach (var label in rule["RuleLabels"]?.AsArray() ?? [])
            {
                labels.Add(label!["Name"]!.GetValue<string>());
            }

            var action = ActionOf(rule["Action"]!);
            if (action != "Count")
            {
                return new WafVerdict(action, name, labels);
            }
        }

        return new WafVerdict(ActionOf(webAcl["DefaultAction"]!), null, labels);
    }

    /// <summary>The terminating action of the group, or null when it lets the request go on to the next rule.</summary>
    private static string? ManagedGroup(JsonNode group, JsonNode overrideAction, WafRequest request, HashSet<string> labels)
    {
        if (group["VendorName"]!.GetValue<string>() != "AWS" || !ManagedGroups.TryGetValue(group["Name"]!.GetValue<string>(), out var rules))
        {
            throw new NotSupportedException($"Managed rule group not modelled: {group.ToJsonString()}");
        }

        if (group["ScopeDownStatement"] is { } scopeDown && !Matches(scopeDown, request, labels))
        {
            return null;
        }

        var overrides = (group["RuleActionOverrides"]?.AsArray() ?? [])
            .ToDictionary(o => o!["Name"]!.GetValue<string>(), o => ActionOf(o!["ActionToUse"]!), StringComparer.Ordinal);
        var countAll = overrideAction.AsObject().ContainsKey("Count");
        if (!countAll && !overrideAction.AsObject().ContainsKey("None"))
        {
            throw new NotSupportedException($"Override action not modelled: {overrideAction.ToJsonString()}");
        }

        foreach (var rule in rules.Where(r => r.Matches(request)))
        {
            labels.Add(rule.Label);
            var action = countAll ? "Count" : overrides.GetValueOrDefault(rule.Name, rule.Action);
            if (action != "Count")
            {
                return action;
            }
        }

        return null;
    }

    private static bool Matches(JsonNode statement, WafRequest request, HashSet<string> labels)
    {
        var (kind, body) = Assert.Single(statement.AsObject());
        return kind switch
        {
            "AndStatement" => body!["Statements"]!.AsArray().All(s => Matches(s!, request, labels)),
            "OrStatement" => body!["Statements"]!.AsArray().Any(s => Matches(s!, request, labels)),
            "NotStatement" => !Matches(body!["Statement"]!, request, labels),
            "LabelMatchStatement" => LabelMatches(body!, labels),
            "ByteMatchStatement" => ByteMatches(body!, request),
            "RateBasedStatement" => RateExceeded(body!, request),
            _ => throw new NotSupportedException($"Statement not modelled: {kind}"),
        };
    }

    private static bool RateExceeded(JsonNode statement, WafRequest request)
    {
        if (statement["AggregateKeyType"]!.GetValue<string>() != "IP")
        {
            throw new NotSupportedException($"Rate aggregation not modelled: {statement.ToJsonString()}");
        }

        var scopeDown = statement["ScopeDownStatement"];
        var counted = (request.Earlier ?? []).Append(request)
            .Count(r => scopeDown is null || Matches(scopeDown, r, new HashSet<string>(StringComparer.Ordinal)));
        return counted > statement["Limit"]!.GetValue<int>();
    }

    private static bool LabelMatches(JsonNode statement, HashSet<string> labels)
    {
        var key = statement["Key"]!.GetValue<string>();
        return statement["Scope"]!.GetValue<string>() switch
        {
            "LABEL" => labels.Contains(key),
            "NAMESPACE" => labels.Any(l => l.StartsWith(key.EndsWith(':') ? key : key + ":", StringComparison.Ordinal)),
            var other => throw new NotSupportedException($"Label scope not modelled: {other}"),
        };
    }

    private static bool ByteMatches(JsonNode statement, WafRequest request)
    {
        var field = statement["FieldToMatch"]!.AsObject();
        var value = field.ContainsKey("UriPath") && field.Count == 1
            ? request.UriPath
            : throw new NotSupportedException($"Field not modelled: {field.ToJsonString()}");
        foreach (var transformation in statement["TextTransformations"]!.AsArray().OrderBy(t => t!["Priority"]!.GetValue<int>()))
        {
            value = transformation!["Type"]!.GetValue<string>() switch
            {
                "NONE" => value,
                "LOWERCASE" => value.ToLowerInvariant(),
                "URL_DECODE" => Uri.UnescapeDataString(value),
                var other => throw new NotSupportedException($"Text transformation not modelled: {other}"),
            };
        }

        var search = statement["SearchString"]!.GetValue<string>();
        return statement["PositionalConstraint"]!.GetValue<string>() switch
        {
            "EXACTLY" => value == search,
            "STARTS_WITH" => value.StartsWith(search, StringComparison.Ordinal),
            "ENDS_WITH" => value.EndsWith(search, StringComparison.Ordinal),
            "CONTAINS" => value.Contains(search, StringComparison.Ordinal),
            var other => throw new NotSupportedException($"Positional constraint not modelled: {other}"),
        };
    }

    private static string ActionOf(JsonNode action)
    {
        var (name, _) = Assert.Single(action.AsObject());
        return name is "Allow" or "Block" or "Count" ? name : throw new NotSupportedException($"Action not modelled: {name}");
    }
}
