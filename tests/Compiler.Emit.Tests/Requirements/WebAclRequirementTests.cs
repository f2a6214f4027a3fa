using Trilho.Compiler.Emit.Tests.Waf;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// The web ACL keeps the common rule set's 8 KB body limit on static and unrouted paths but lets api payloads through
/// (issue 12, defect 4), evaluated over the emitted web ACL with <see cref="WebAclEvaluator"/>.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class WebAclRequirementTests(SynthesisFixture fixture)
{
    private const int TwentyKb = 20 * 1024;

    [Theory]
    [InlineData("POST", "/backend/items", TwentyKb, "Allow")]
    [InlineData("PUT", "/backend/items/42", TwentyKb, "Allow")]
    [InlineData("POST", "/backend", TwentyKb, "Allow")]
    [InlineData("POST", "/frontend/x", TwentyKb, "Block")]
    [InlineData("POST", "/backendx/items", TwentyKb, "Block")]
    [InlineData("POST", "/elsewhere", TwentyKb, "Block")]
    [InlineData("POST", "/frontend/x", 1024, "Allow")]
    [InlineData("GET", "/frontend/", 0, "Allow")]
    public void Large_bodies_pass_on_api_paths_only(string method, string path, int bodyBytes, string action)
    {
        var acl = fixture.Stack("desafio-aws", "prod", "global").Properties("AWS::WAFv2::WebACL");
        Assert.Equal(action, WebAclEvaluator.Evaluate(acl, new WafRequest(method, path, bodyBytes)).Action);
    }

    [Theory]
    [InlineData("/orders/items", "Allow")]
    [InlineData("/reports/daily", "Allow")]
    [InlineData("/site/page", "Block")]
    public void Every_api_app_of_a_platform_gets_the_exemption(string path, string action)
    {
        var acl = fixture.Stack("two-apis-firewall-no-domain", "dev", "global").Properties("AWS::WAFv2::WebACL");
        Assert.Equal(action, WebAclEvaluator.Evaluate(acl, new WafRequest("POST", path, TwentyKb)).Action);
    }

    /// <summary>Review 1, finding 3: .NET's HttpClient sends no User-Agent unless told to; browsers always send one.</summary>
    [Theory]
    [InlineData("POST", "/backend/orders", "Allow")]
    [InlineData("GET", "/backend", "Allow")]
    [InlineData("GET", "/frontend/", "Block")]
    [InlineData("GET", "/backendx/orders", "Block")]
    [InlineData("GET", "/elsewhere", "Block")]
    public void Requests_without_a_user_agent_pass_on_api_paths_only(string method, string path, string action)
    {
        var acl = fixture.Stack("desafio-aws", "prod", "global").Properties("AWS::WAFv2::WebACL");
        Assert.Equal(action, WebAclEvaluator.Evaluate(acl, new WafRequest(method, path, 512, UserAgent: null)).Action);
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(acl, new WafRequest(method, path, 512)).Action);
    }

    /// <summary>
    /// Review 1, finding 3: many users behind one carrier address (CGNAT) load pages of dozens of static files each;
    /// that must not lock them out of the api, while one address hammering the api is still stopped.
    /// </summary>
    [Fact]
    public void The_per_ip_rate_limit_counts_api_requests_and_lets_static_traffic_of_a_shared_address_through()
    {
        var acl = fixture.Stack("desafio-aws", "prod", "global").Properties("AWS::WAFv2::WebACL");
        var pages = Enumerable.Repeat(new WafRequest("GET", "/frontend/assets/app.js", 0), 6000).ToList();
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(acl, new WafRequest("GET", "/frontend/index.html", 0, Earlier: pages)).Action);
        Assert.Equal("Allow", WebAclEvaluator.Evaluate(acl, new WafRequest("POST", "/backend/orders", 512, Earlier: pages)).Action);

        var calls = Enumerable.Repeat(new WafRequest("GET", "/backend/orders", 0), GlobalEdge.ApiRateLimitPer5Minutes).ToList();
        var verdict = WebAclEvaluator.Evaluate(acl, new WafRequest("GET", "/backend/orders", 0, Earlier: calls));
        Assert.Equal(("Block", "RateLimitPerIpOnApiPaths"), (verdict.Action, verdict.TerminatingRule));

        // A flood of anything is still stopped.
        var flood = Enumerable.Repeat(new WafRequest("GET", "/frontend/index.html", 0), GlobalEdge.RateLimitPer5Minutes).ToList();
        Assert.Equal("Block", WebAclEvaluator.Evaluate(acl, new WafRequest("GET", "/frontend/index.html", 0, Earlier: flood)).Action);
    }
}
