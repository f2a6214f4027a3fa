using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// An api app can build its public URLs (issue 20, defect 6): behind CloudFront the Host it sees is the load
/// balancer's and X-Forwarded-Proto is http, so Trilho injects APP_PUBLIC_URL and CloudFront sends the public name
/// as an origin custom header, which CloudFront overwrites whatever the viewer sent
/// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html).
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class PublicOriginRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev", "https://app.dev.desafio.example.com/backend")]
    [InlineData("prod", "https://app.desafio.example.com/backend")]
    public void Api_apps_get_their_public_url(string environment, string url)
    {
        Assert.Equal(url, Variables("desafio-aws", environment, "backend").GetValueOrDefault("APP_PUBLIC_URL"));
    }

    [Fact]
    public void Without_a_domain_there_is_no_public_url_to_inject()
    {
        Assert.DoesNotContain("APP_PUBLIC_URL", Variables("two-apis-firewall-no-domain", "dev", "orders").Keys);
    }

    [Theory]
    [InlineData("dev", "app.dev.desafio.example.com")]
    [InlineData("prod", "app.desafio.example.com")]
    public void The_load_balancer_origin_carries_the_public_host_while_the_host_header_stays_the_load_balancers(string environment, string host)
    {
        var config = fixture.Stack("desafio-aws", environment, "edge").Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        var behavior = config["CacheBehaviors"]!.AsArray().First(b => b!["PathPattern"]!.GetValue<string>() == "/backend/*")!;
        var origin = config["Origins"]!.AsArray().Single(o => o!["Id"]!.GetValue<string>() == behavior["TargetOriginId"]!.GetValue<string>())!;
        var headers = origin["OriginCustomHeaders"]!.AsArray().ToDictionary(h => h!["HeaderName"]!.GetValue<string>(), h => h!["HeaderValue"]!.GetValue<string>());
        Assert.Equal(host, headers["X-Forwarded-Host"]);
        // "Custom headers that CloudFront can't add to origin requests" (same page): CloudFront would reject the distribution.
        Assert.DoesNotContain(headers.Keys, k => DeniedCustomHeaders.Contains(k) || k.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) || k.StartsWith("X-Edge-", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly HashSet<string> DeniedCustomHeaders = new(
        ["Cache-Control", "Connection", "Content-Length", "Cookie", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
         "If-Unmodified-Since", "Max-Forwards", "Pragma", "Proxy-Authorization", "Proxy-Connection", "Range", "Request-Range", "TE", "Trailer",
         "Transfer-Encoding", "Upgrade", "Via", "X-Real-Ip"],
        StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, string> Variables(string caseName, string environment, string app)
    {
        var definition = fixture.Stack(caseName, environment, $"app-{app}").Properties("AWS::ECS::TaskDefinition");
        var container = Assert.Single(definition["ContainerDefinitions"]!.AsArray())!;
        return container["Environment"]!.AsArray().ToDictionary(e => e!["Name"]!.GetValue<string>(), e => Text(e!["Value"]!));
    }

    // Values that come from another stack (the database endpoint) are intrinsic functions, not strings.
    private static string Text(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value.ToJsonString();
}
