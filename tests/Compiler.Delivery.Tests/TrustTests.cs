using System.Text.Json.Nodes;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>Only the configured repository's jobs, on the branch or in the gating GitHub environment, may assume the GitHub roles; only CloudFormation the execution roles.</summary>
public sealed class TrustTests
{
    private static ResolvedDeliveryTemplate For(string environment) =>
        new(DeliveryTemplates.Synthesize(Platforms.TwoTeams, environment).Template, environment == "prod" ? "222222222222" : Platforms.DevAccount, "sa-east-1");

    private static JsonObject Statement(ResolvedDeliveryTemplate.Role role) => role.Trust["Statement"]!.AsArray().Single()!.AsObject();

    [Theory]
    [InlineData("dev", "repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:ref:refs/heads/main")]
    [InlineData("qa", "repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:ref:refs/heads/main", "repo:acme/shop:ref:refs/heads/main")]
    [InlineData("prod", "repo:acme/shop:environment:prod-platform", "repo:acme/shop:environment:prod-team-orders", "repo:acme/shop:environment:prod-team-payments")]
    public void GitHub_roles_trust_the_repository_with_exact_audience_and_subject(string environment, string platform, string orders, string payments)
    {
        var template = For(environment);
        var expected = new Dictionary<string, string>
        {
            [$"shop-{environment}-deploy-platform"] = platform,
            [$"shop-{environment}-deploy-team-orders"] = orders,
            [$"shop-{environment}-deploy-team-payments"] = payments,
        };
        var github = template.Roles.Values.Where(r => r.Name.Contains("-deploy-", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), github.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var role in github)
        {
            var statement = Statement(role);
            Assert.Equal("sts:AssumeRoleWithWebIdentity", ResolvedDeliveryTemplate.Str(statement["Action"]));
            Assert.EndsWith(":oidc-provider/token.actions.githubusercontent.com", ResolvedDeliveryTemplate.Str(statement["Principal"]!["Federated"]));
            var equals = statement["Condition"]!["StringEquals"]!.AsObject();
            Assert.Equal("sts.amazonaws.com", ResolvedDeliveryTemplate.Str(equals["token.actions.githubusercontent.com:aud"]));
            Assert.Equal(expected[role.Name], ResolvedDeliveryTemplate.Str(equals["token.actions.githubusercontent.com:sub"]));
            Assert.Single(statement["Condition"]!.AsObject());
        }
    }

    [Fact]
    public void Branch_defaults_to_main_and_can_be_changed()
    {
        var yaml = Platforms.TwoTeams.Replace("repository: acme/shop", "repository: acme/shop\n    branch: release", StringComparison.Ordinal);
        var iam = new ResolvedDeliveryTemplate(DeliveryTemplates.Synthesize(yaml, "dev").Template, Platforms.DevAccount, "sa-east-1");
        var subject = Statement(iam.Roles["shop-dev-deploy-platform"])["Condition"]!["StringEquals"]!["token.actions.githubusercontent.com:sub"];
        Assert.Equal("repo:acme/shop:ref:refs/heads/release", ResolvedDeliveryTemplate.Str(subject));
    }

    [Fact]
    public void Execution_roles_trust_only_CloudFormation()
    {
        var iam = For("dev");
        var executions = iam.Roles.Values.Where(r => r.Name.Contains("-cfn-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, executions.Count);
        foreach (var role in executions)
        {
            var statement = Statement(role);
            Assert.Equal("sts:AssumeRole", ResolvedDeliveryTemplate.Str(statement["Action"]));
            Assert.Equal("cloudformation.amazonaws.com", ResolvedDeliveryTemplate.Str(statement["Principal"]!["Service"]));
        }
    }

    [Fact]
    public void Platform_role_allows_two_hour_sessions_for_long_first_deploys()
    {
        var (template, _) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var role = template["Resources"]!["PlatformDeployRole"]!["Properties"]!;
        Assert.Equal(7200, role["MaxSessionDuration"]!.GetValue<int>());
    }
}
