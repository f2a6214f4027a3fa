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
}
