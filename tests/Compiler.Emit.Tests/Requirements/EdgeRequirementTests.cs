using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>One DNS name, a behavior per app path, HTTPS only, the right origins and protections (issue 3, item 6).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class EdgeRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev", "app.dev.desafio.example.com", "Z0EXAMPLEDEV01")]
    [InlineData("prod", "app.desafio.example.com", "Z0EXAMPLE12345")]
    public void Frontend_and_backend_share_one_DNS_name_under_frontend_and_backend(string environment, string publicName, string zone)
    {
        var edge = fixture.Stack("desafio-aws", environment, "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;

        Assert.Equal([publicName], config["Aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        var patterns = config["CacheBehaviors"]!.AsArray().Select(b => b!["PathPattern"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["/backend", "/backend/*", "/frontend", "/frontend/*"], patterns);

        var records = edge.Resources("AWS::Route53::RecordSet").Select(r => r.Resource["Properties"]!).ToList();
        Assert.Equal(["A", "AAAA"], records.Select(r => r["Type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(records, r =>
        {
            Assert.Equal(publicName + ".", r["Name"]!.GetValue<string>());
            Assert.Equal(zone, r["HostedZoneId"]!.GetValue<string>());
            Assert.NotNull(r["AliasTarget"]);
        });
    }

    [Fact]
    public void Api_paths_reach_the_load_balancer_uncached_with_all_methods_and_viewer_headers_except_host()
    {
        var config = fixture.Stack("desafio-aws", "dev", "edge").Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        var origin = OriginOf(config, "/backend");
        Assert.NotNull(origin["VpcOriginConfig"]);

        foreach (var behavior in Behaviors(config, "/backend"))
        {
            Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", behavior["CachePolicyId"]!.GetValue<string>()); // Managed-CachingDisabled
            Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", behavior["OriginRequestPolicyId"]!.GetValue<string>()); // Managed-AllViewerExceptHostHeader
            Assert.Equal(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"], behavior["AllowedMethods"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Frontend_paths_come_from_its_bucket_through_origin_access_control()
    {
        var edge = fixture.Stack("desafio-aws", "dev", "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        var origin = OriginOf(config, "/frontend");

        Assert.Equal("FrontendBucketRegionalDomainName", Template.Target(origin["DomainName"]));
        Assert.Equal(edge.Resources("AWS::CloudFront::OriginAccessControl").Single().Id, Template.Target(origin["OriginAccessControlId"]));
        Assert.Equal("s3", edge.Properties("AWS::CloudFront::OriginAccessControl")["OriginAccessControlConfig"]!["OriginAccessControlOriginType"]!.GetValue<string>());
        Assert.All(Behaviors(config, "/frontend"), b => Assert.NotEmpty(b["FunctionAssociations"]!.AsArray()));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Frontend_paths_are_cached_and_compressed_at_the_edge_so_spikes_do_not_reach_the_bucket(string environment)
    {
        var edge = fixture.Stack("desafio-aws", environment, "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        // The static cache policy; its TTLs are proven in FastReactionRequirementTests.
        var (policyId, policy) = Assert.Single(edge.Resources("AWS::CloudFront::CachePolicy"));
        Assert.True(policy["Properties"]!["CachePolicyConfig"]!["DefaultTTL"]!.GetValue<int>() > 0);

        Assert.All(Behaviors(config, "/frontend"), behavior =>
        {
            Assert.Equal(policyId, Template.Target(behavior["CachePolicyId"]));
            Assert.True(behavior["Compress"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void Paths_of_no_app_get_404_at_the_edge()
    {
        var edge = fixture.Stack("desafio-aws", "dev", "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        var function = Template.Target(config["DefaultCacheBehavior"]!["FunctionAssociations"]![0]!["FunctionARN"]);
        var code = edge.Resource(function!)["Properties"]!["FunctionCode"]!.GetValue<string>();
        Assert.Contains("statusCode: 404", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("desafio-aws", "prod")]
    [InlineData("static-only-certificate", "prod")]
    public void The_distribution_serves_HTTPS_only_with_TLS_1_2_or_newer_security_headers_and_compression(string caseName, string environment)
    {
        var config = fixture.Stack(caseName, environment, "edge").Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        Assert.Equal("TLSv1.2_2021", config["ViewerCertificate"]!["MinimumProtocolVersion"]!.GetValue<string>());
        Assert.Equal("sni-only", config["ViewerCertificate"]!["SslSupportMethod"]!.GetValue<string>());
        var edge = fixture.Stack(caseName, environment, "edge");
        foreach (var behavior in config["CacheBehaviors"]!.AsArray().Append(config["DefaultCacheBehavior"]))
        {
            Assert.Equal("redirect-to-https", behavior!["ViewerProtocolPolicy"]!.GetValue<string>());
            Assert.True(behavior["Compress"]!.GetValue<bool>());
            var policy = behavior["ResponseHeadersPolicyId"]!;
            if (Template.Target(policy) is { } own)
            {
                // Static apps: their own policy, the managed one's security headers plus a Content-Security-Policy.
                var headers = edge.Resource(own)["Properties"]!["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!;
                Assert.Equal(31536000, headers["StrictTransportSecurity"]!["AccessControlMaxAgeSec"]!.GetValue<int>());
                Assert.Equal("SAMEORIGIN", headers["FrameOptions"]!["FrameOption"]!.GetValue<string>());
                Assert.Equal("strict-origin-when-cross-origin", headers["ReferrerPolicy"]!["ReferrerPolicy"]!.GetValue<string>());
                Assert.NotNull(headers["ContentTypeOptions"]);
                Assert.NotNull(headers["ContentSecurityPolicy"]);
            }
            else
            {
                Assert.Equal("67f7725c-6f97-4210-82d7-5512b31e9d03", policy.GetValue<string>()); // Managed-SecurityHeadersPolicy
            }
        }
    }

    [Theory]
    [InlineData("desafio-aws", "dev", "/frontend", "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'")]
    [InlineData("static-only-certificate", "prod", "/docs", "default-src 'self'; img-src 'self' https://images.example.org")]
    public void Static_apps_answer_with_a_content_security_policy_that_defaults_to_self_and_that_the_app_can_relax(string caseName, string environment, string path, string csp)
    {
        var edge = fixture.Stack(caseName, environment, "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        Assert.All(Behaviors(config, path), behavior =>
        {
            var policy = edge.Resource(Template.Target(behavior["ResponseHeadersPolicyId"])!)["Properties"]!["ResponseHeadersPolicyConfig"]!;
            var header = policy["SecurityHeadersConfig"]!["ContentSecurityPolicy"]!;
            Assert.Equal(csp, header["ContentSecurityPolicy"]!.GetValue<string>());
            Assert.True(header["Override"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void The_sample_frontends_browser_tests_run_under_the_policy_the_edge_sends()
    {
        // The browser tests (samples/desafio-aws/apps/frontend/tests) fail on any CSP violation; they must use this value.
        var server = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "desafio-aws", "apps", "frontend", "tests", "server.mjs"));
        var used = System.Text.RegularExpressions.Regex.Match(server, "export const contentSecurityPolicy = \"([^\"]+)\";").Groups[1].Value;
        var edge = fixture.Stack("desafio-aws", "prod", "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        var policy = edge.Resource(Template.Target(Behaviors(config, "/frontend").First()["ResponseHeadersPolicyId"])!);
        Assert.Equal(policy["Properties"]!["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!["ContentSecurityPolicy"]!["ContentSecurityPolicy"]!.GetValue<string>(), used);
    }

    [Theory]
    [InlineData("desafio-aws", "dev", "PriceClass_All")]
    [InlineData("static-only-certificate", "prod", "PriceClass_100")]
    public void The_price_class_serves_the_platform_region(string caseName, string environment, string priceClass)
    {
        var config = fixture.Stack(caseName, environment, "edge").Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        Assert.Equal(priceClass, config["PriceClass"]!.GetValue<string>());
    }

    [Fact]
    public void Certificate_and_web_ACL_live_in_us_east_1_and_reach_the_distribution_as_parameters()
    {
        var global = fixture.Stack("desafio-aws", "prod", "global");
        Assert.Equal("us-east-1", global.Stack.Region);

        var certificate = global.Properties("AWS::CertificateManager::Certificate");
        Assert.Equal("DNS", certificate["ValidationMethod"]!.GetValue<string>());
        Assert.Equal("Z0EXAMPLE12345", certificate["DomainValidationOptions"]![0]!["HostedZoneId"]!.GetValue<string>());

        var acl = global.Properties("AWS::WAFv2::WebACL");
        Assert.Equal("CLOUDFRONT", acl["Scope"]!.GetValue<string>());
        var statements = acl["Rules"]!.AsArray().Select(r => r!["Statement"]!).ToList();
        Assert.Contains(statements, s => s["RateBasedStatement"]?["AggregateKeyType"]?.GetValue<string>() == "IP");
        Assert.Contains(statements, s => s["ManagedRuleGroupStatement"]?["Name"]?.GetValue<string>() == "AWSManagedRulesCommonRuleSet");

        var edge = fixture.Stack("desafio-aws", "prod", "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        Assert.Equal("WebAclArn", Template.Target(config["WebACLId"]));
        Assert.Equal("CertificateArn", Template.Target(config["ViewerCertificate"]!["AcmCertificateArn"]));
    }

    [Fact]
    public void Economy_has_no_firewall_and_a_given_certificate_needs_no_global_stack()
    {
        Assert.Null(fixture.Stack("desafio-aws", "dev", "edge").Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!["WebACLId"]);
        Assert.Empty(fixture.Stack("desafio-aws", "dev", "global").Resources("AWS::WAFv2::WebACL"));

        var plan = fixture.Plan("static-only-certificate", "prod");
        Assert.DoesNotContain(plan.Stacks, s => s.StackName.EndsWith("-global", StringComparison.Ordinal));
        var certificate = plan.Stacks.Single(s => s.StackName == "site-prod-edge").Parameters.Single(p => p.Key == "CertificateArn").Value;
        Assert.Equal("arn:aws:acm:us-east-1:333333333333:certificate/00000000-0000-0000-0000-000000000000", certificate.Value);
    }

    private static IEnumerable<JsonNode> Behaviors(JsonNode config, string path) =>
        config["CacheBehaviors"]!.AsArray().Where(b => b!["PathPattern"]!.GetValue<string>() is var p && (p == path || p == path + "/*"))!;

    private static JsonNode OriginOf(JsonNode config, string path)
    {
        var origins = Behaviors(config, path).Select(b => b["TargetOriginId"]!.GetValue<string>()).Distinct().ToList();
        var id = Assert.Single(origins);
        return config["Origins"]!.AsArray().Single(o => o!["Id"]!.GetValue<string>() == id)!;
    }
}
