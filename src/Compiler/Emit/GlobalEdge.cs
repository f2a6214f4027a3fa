using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>
/// What CloudFront requires in us-east-1: the certificate of the public name (DNS-validated in the public hosted zone;
/// CloudFormation writes the validation record itself) and the CLOUDFRONT-scope web ACL with AWS managed rule groups
/// and per-IP rate limits. The common rule set's 8 KB body limit and its User-Agent requirement apply outside api
/// paths only (docs/decisions/0010-edge-request-path.md).
/// </summary>
public sealed class GlobalEdge : Construct
{
    /// <summary>Requests per IP in 5 minutes to api paths before the web ACL blocks that IP's api requests.</summary>
    public const int ApiRateLimitPer5Minutes = 2000;

    /// <summary>
    /// Requests per IP in 5 minutes to any path before the web ACL blocks that IP. Page loads fetch dozens of static
    /// files and mobile carriers put many users behind one address (CGNAT), so this only stops floods.
    /// </summary>
    public const int RateLimitPer5Minutes = 20000;

    /// <summary>
    /// Label the common rule set adds when a body exceeds 8 KB (AWS WAF developer guide, "Baseline rule groups",
    /// https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html).
    /// </summary>
    public const string BodySizeLabel = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

    /// <summary>Label the common rule set adds when a request has no User-Agent header (same page).</summary>
    public const string NoUserAgentLabel = "awswaf:managed:aws:core-rule-set:NoUserAgent_Header";

    private const string CommonRuleSet = "AWSManagedRulesCommonRuleSet";

    /// <summary>
    /// Creates the certificate when <paramref name="certificate"/> and the web ACL when <paramref name="firewall"/>;
    /// <paramref name="apiPaths"/> are the paths whose request bodies the web ACL does not cap at 8 KB.
    /// </summary>
    public GlobalEdge(Construct scope, string id, ResolvedEnvironment environment, bool certificate, bool firewall, IReadOnlyList<string> apiPaths)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(apiPaths);
        if (certificate)
        {
            var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
            {
                HostedZoneId = environment.Ingress.HostedZoneId!,
                ZoneName = environment.Domain!,
            });
            Certificate = new Certificate(this, "Certificate", new CertificateProps
            {
                DomainName = EmitNames.PublicHost(environment)!,
                Validation = CertificateValidation.FromDns(zone),
            });
        }

        if (firewall)
        {
            var name = $"{environment.StackPrefix}-edge";
            WebAcl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
            {
                Name = name,
                Scope = "CLOUDFRONT",
                Description = $"Firewall in front of {environment.StackPrefix}",
                DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
                VisibilityConfig = Visibility(name),
                Rules = Rules(name, apiPaths),
            });
        }
    }

    /// <summary>
    /// Per-IP rate limits, AWS's reputation list, the common rule set (two of its rules decided per path right after
    /// it: a rule only sees labels of rules evaluated before it) and known bad inputs.
    /// </summary>
    private static CfnWebACL.RuleProperty[] Rules(string name, IReadOnlyList<string> apiPaths)
    {
        var rules = new List<CfnWebACL.RuleProperty>();
        if (apiPaths.Count > 0)
        {
            rules.Add(RateLimit("RateLimitPerIpOnApiPaths", 0, ApiRateLimitPer5Minutes, ApiPath(apiPaths), $"{name}-api-rate-limit"));
        }

        rules.Add(RateLimit("RateLimitPerIp", 1, RateLimitPer5Minutes, null, $"{name}-rate-limit"));
        rules.Add(Managed("AWSManagedRulesAmazonIpReputationList", 10, name));
        rules.Add(CommonRules(name));
        rules.Add(LabelOutsideApiPaths("BodyOver8KbOutsideApiPaths", 25, BodySizeLabel, apiPaths, $"{name}-body-size"));
        rules.Add(LabelOutsideApiPaths("NoUserAgentOutsideApiPaths", 26, NoUserAgentLabel, apiPaths, $"{name}-no-user-agent"));
        rules.Add(Managed("AWSManagedRulesKnownBadInputsRuleSet", 30, name));
        return [.. rules];
    }

    /// <summary>Blocks an IP whose requests (only those matching <paramref name="scopeDown"/>, when given) exceed <paramref name="limit"/> in 5 minutes.</summary>
    private static CfnWebACL.RuleProperty RateLimit(string ruleName, int priority, int limit, CfnWebACL.StatementProperty? scopeDown, string metric) => new()
    {
        Name = ruleName,
        Priority = priority,
        Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
        Statement = new CfnWebACL.StatementProperty
        {
            RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
            {
                AggregateKeyType = "IP",
                Limit = limit,
                ScopeDownStatement = scopeDown,
            },
        },
        VisibilityConfig = Visibility(metric),
    };

    /// <summary>The certificate, or null.</summary>
    public Certificate? Certificate { get; }

    /// <summary>The web ACL, or null.</summary>
    public CfnWebACL? WebAcl { get; }

    private static CfnWebACL.RuleProperty Managed(string group, int priority, string prefix, CfnWebACL.RuleActionOverrideProperty[]? overrides = null) => new()
    {
        Name = group,
        Priority = priority,
        OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
        Statement = new CfnWebACL.StatementProperty
        {
            ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty { VendorName = "AWS", Name = group, RuleActionOverrides = overrides },
        },
        VisibilityConfig = Visibility($"{prefix}-{group}"),
    };

    // These two only count (and label) here; the rules after the group decide by path, so the rest of the set still blocks everywhere.
    private static CfnWebACL.RuleProperty CommonRules(string prefix) => Managed(CommonRuleSet, 20, prefix,
    [
        new CfnWebACL.RuleActionOverrideProperty
        {
            Name = "SizeRestrictions_BODY",
            ActionToUse = new CfnWebACL.RuleActionProperty { Count = new CfnWebACL.CountActionProperty() },
        },

        // API clients need not send a User-Agent (.NET's HttpClient sends none unless told to).
        new CfnWebACL.RuleActionOverrideProperty
        {
            Name = "NoUserAgent_HEADER",
            ActionToUse = new CfnWebACL.RuleActionProperty { Count = new CfnWebACL.CountActionProperty() },
        },
    ]);

    /// <summary>
    /// Blocks what a counted rule of the common rule set labelled, unless the path belongs to an api app (the same
    /// <c>/p</c> and <c>/p/*</c> the distribution routes to the load balancer). Runs after the rule set: a rule only
    /// sees labels of rules evaluated before it.
    /// </summary>
    private static CfnWebACL.RuleProperty LabelOutsideApiPaths(string ruleName, int priority, string label, IReadOnlyList<string> apiPaths, string metric)
    {
        var labelled = new CfnWebACL.StatementProperty
        {
            LabelMatchStatement = new CfnWebACL.LabelMatchStatementProperty { Scope = "LABEL", Key = label },
        };
        return new CfnWebACL.RuleProperty
        {
            Name = ruleName,
            Priority = priority,
            Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
            Statement = apiPaths.Count == 0 ? labelled : new CfnWebACL.StatementProperty
            {
                AndStatement = new CfnWebACL.AndStatementProperty
                {
                    Statements = new[] { labelled, new CfnWebACL.StatementProperty { NotStatement = new CfnWebACL.NotStatementProperty { Statement = ApiPath(apiPaths) } } },
                },
            },
            VisibilityConfig = Visibility(metric),
        };
    }

    private static CfnWebACL.StatementProperty ApiPath(IReadOnlyList<string> apiPaths) => new()
    {
        OrStatement = new CfnWebACL.OrStatementProperty
        {
            Statements = apiPaths.SelectMany(p => new[] { UriPath("EXACTLY", p), UriPath("STARTS_WITH", p + "/") }).ToArray(),
        },
    };

    // CloudFront path patterns are case-sensitive and match the raw path, so no text transformation.
    private static CfnWebACL.StatementProperty UriPath(string position, string value) => new()
    {
        ByteMatchStatement = new CfnWebACL.ByteMatchStatementProperty
        {
            FieldToMatch = new CfnWebACL.FieldToMatchProperty { UriPath = new Dictionary<string, object>() },
            PositionalConstraint = position,
            SearchString = value,
            TextTransformations = new[] { new CfnWebACL.TextTransformationProperty { Priority = 0, Type = "NONE" } },
        },
    };

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        MetricName = metric,
        SampledRequestsEnabled = true,
    };
}
