using Trilho.Compiler.Emit.Delivery;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>The delivery stack is plain, deterministic CloudFormation, and tells the deploy plan where its parameters come from.</summary>
public sealed class DeliveryStackTemplateTests
{
    [Fact]
    public void Template_is_plain_CloudFormation()
    {
        var (template, _) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var text = template.ToJsonString();
        Assert.Null(template["Rules"]?["CheckBootstrapVersion"]);
        Assert.Null(template["Parameters"]?["BootstrapVersion"]);
        Assert.DoesNotContain("Custom::", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS::CloudFormation::CustomResource", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cdk-hnb659fds", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AssetParameters", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CDKMetadata", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_have_fixed_names_so_the_stack_needs_CAPABILITY_NAMED_IAM()
    {
        var (template, _) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var roles = template["Resources"]!.AsObject().Where(r => ResolvedDeliveryTemplate.Str(r.Value!["Type"]) == "AWS::IAM::Role").ToList();
        Assert.Equal(6, roles.Count);
        Assert.All(roles, r => Assert.NotNull(r.Value!["Properties"]!["RoleName"]));
        Assert.Equal("CAPABILITY_NAMED_IAM", DeliveryStack.RequiredCapability);
    }

    [Fact]
    public void Same_input_gives_byte_identical_templates_across_apps()
    {
        var first = DeliveryTemplates.SynthesizeFresh(Platforms.TwoTeams, "dev").Template.ToJsonString();
        var second = DeliveryTemplates.SynthesizeFresh(Platforms.TwoTeams, "dev").Template.ToJsonString();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Deploy_plan_wires_buckets_from_app_stacks_and_the_distribution_from_the_edge_stack()
    {
        var (template, result) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        Assert.Equal(
            [
                new("CreateGitHubOidcProvider", ParameterValue.Literal("true")),
                new("DistributionId", new ParameterValue(null, "shop-dev-edge", "sa-east-1", "DistributionId", null, null)),
                new("AdminBucketName", new ParameterValue(null, "shop-dev-app-admin", "sa-east-1", "BucketName", null, null)),
                new("StoreBucketName", new ParameterValue(null, "shop-dev-app-store", "sa-east-1", "BucketName", null, null)),
            ],
            DeliveryTemplates.Node(Platforms.TwoTeams, "dev").Parameters);
        Assert.Equal(
            ["AdminBucketName", "CreateGitHubOidcProvider", "DistributionId", "StoreBucketName"],
            template["Parameters"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("shop-dev-deploy-platform", result.PlatformRoleName);
        Assert.Equal("shop-dev-deploy-team-orders", result.TeamRoleNames["orders"]);
    }

    [Fact]
    public void Only_the_first_environment_of_an_account_creates_the_OIDC_provider_by_default()
    {
        Assert.Equal("true", CreateProviderDefault(Platforms.TwoTeams, "dev"));
        Assert.Equal("false", CreateProviderDefault(Platforms.TwoTeams, "qa"));
        Assert.Equal("true", CreateProviderDefault(Platforms.TwoTeams, "prod"));
        var existing = Platforms.TwoTeams.Replace("repository: acme/shop", "repository: acme/shop\n    createOidcProvider: false", StringComparison.Ordinal);
        Assert.Equal("false", CreateProviderDefault(existing, "dev"));
    }

    [Fact]
    public void OIDC_provider_is_GitHubs_with_the_STS_audience_and_exists_only_when_asked()
    {
        var (template, _) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var provider = template["Resources"]!["GitHubOidcProvider"]!;
        Assert.Equal("AWS::IAM::OIDCProvider", ResolvedDeliveryTemplate.Str(provider["Type"]));
        Assert.Equal("https://token.actions.githubusercontent.com", ResolvedDeliveryTemplate.Str(provider["Properties"]!["Url"]));
        Assert.Equal(["sts.amazonaws.com"], ResolvedDeliveryTemplate.Strings(provider["Properties"]!["ClientIdList"]));
        Assert.Single(new ResolvedDeliveryTemplate(template, Platforms.DevAccount, "sa-east-1", new Dictionary<string, string> { ["CreateGitHubOidcProvider"] = "true" }).Resources("AWS::IAM::OIDCProvider"));
        var without = new ResolvedDeliveryTemplate(template, Platforms.DevAccount, "sa-east-1", new Dictionary<string, string> { ["CreateGitHubOidcProvider"] = "false" });
        Assert.Empty(without.Resources("AWS::IAM::OIDCProvider"));
        var trust = without.Roles["shop-dev-deploy-platform"].Trust["Statement"]![0]!["Principal"]!["Federated"];
        Assert.Equal("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", ResolvedDeliveryTemplate.Str(trust));
    }

    [Fact]
    public void Sample_platform_gets_a_platform_role_and_one_role_per_app_team()
    {
        // The sample declares its own delivery section.
        var (_, result) = DeliveryTemplates.Synthesize(Platforms.Sample(), "prod");
        Assert.Equal("desafio-prod-deploy-platform", result.PlatformRoleName);
        Assert.Equal(
            new Dictionary<string, string> { ["backend"] = "desafio-prod-deploy-team-backend", ["frontend"] = "desafio-prod-deploy-team-frontend" },
            result.TeamRoleNames);
    }

    [Fact]
    public void Teams_without_apps_get_no_role()
    {
        var (template, result) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        Assert.Equal(["orders", "payments"], result.TeamRoleNames.Keys);
        Assert.DoesNotContain(new ResolvedDeliveryTemplate(template, Platforms.DevAccount, "sa-east-1").Roles.Keys, name => name.Contains("noc", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_team_with_apps_has_its_own_named_boundary_attached_to_no_role()
    {
        var (template, _) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var policies = template["Resources"]!.AsObject().Where(r => ResolvedDeliveryTemplate.Str(r.Value!["Type"]) == "AWS::IAM::ManagedPolicy")
            .Select(r => r.Value!["Properties"]!).ToList();
        Assert.Equal(["shop-dev-boundary-team-orders", "shop-dev-boundary-team-payments"], policies.Select(p => ResolvedDeliveryTemplate.Str(p["ManagedPolicyName"])).Order(StringComparer.Ordinal));

        // A boundary grants nothing by itself; attached to a role it would widen it.
        Assert.All(policies, boundary => Assert.Null(boundary["Roles"]));
    }

    private static string CreateProviderDefault(string yaml, string environment) =>
        ResolvedDeliveryTemplate.Str(DeliveryTemplates.Synthesize(yaml, environment).Template["Parameters"]!["CreateGitHubOidcProvider"]!["Default"]);
}
