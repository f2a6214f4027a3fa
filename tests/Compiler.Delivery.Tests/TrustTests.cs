using System.Text.Json.Nodes;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>Only the configured repository's jobs, on the branch or in the gating GitHub environment, may assume the GitHub roles; only CloudFormation the execution roles.</summary>
public sealed class TrustTests
{
    private static Iam For(string environment) =>
        new(DeliveryTemplates.Synthesize(Platforms.TwoTeams, environment).Template, environment == "prod" ? "222222222222" : Platforms.DevAccount, "sa-east-1");

    private static JsonObject Statement(Iam.Role role) => role.Trust["Statement"]!.AsArray().Single()!.AsObject();

    [Theory]
    [InlineData("dev", "repo:acme/shop:ref:refs/heads/main")]
    [InlineData("qa", "repo:acme/shop:ref:refs/heads/main")]
    [InlineData("prod", "repo:acme/shop:environment:prod")]
    public void GitHub_roles_trust_the_repository_with_exact_audience_and_subject(string environment, string subject)
    {
        var iam = For(environment);
        var github = iam.Roles.Values.Where(r => r.Name.Contains("-deploy-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, github.Count);
        foreach (var role in github)
        {
            var statement = Statement(role);
            Assert.Equal("sts:AssumeRoleWithWebIdentity", Iam.Str(statement["Action"]));
            Assert.EndsWith(":oidc-provider/token.actions.githubusercontent.com", Iam.Str(statement["Principal"]!["Federated"]));
            var equals = statement["Condition"]!["StringEquals"]!.AsObject();
            Assert.Equal("sts.amazonaws.com", Iam.Str(equals["token.actions.githubusercontent.com:aud"]));
            Assert.Equal(subject, Iam.Str(equals["token.actions.githubusercontent.com:sub"]));
            Assert.Single(statement["Condition"]!.AsObject());
        }
    }

    [Fact]
    public void Branch_defaults_to_main_and_can_be_changed()
    {
        var yaml = Platforms.TwoTeams.Replace("repository: acme/shop", "repository: acme/shop\n    branch: release", StringComparison.Ordinal);
        var iam = new Iam(DeliveryTemplates.Synthesize(yaml, "dev").Template, Platforms.DevAccount, "sa-east-1");
        var subject = Statement(iam.Roles["shop-dev-deploy-platform"])["Condition"]!["StringEquals"]!["token.actions.githubusercontent.com:sub"];
        Assert.Equal("repo:acme/shop:ref:refs/heads/release", Iam.Str(subject));
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
            Assert.Equal("sts:AssumeRole", Iam.Str(statement["Action"]));
            Assert.Equal("cloudformation.amazonaws.com", Iam.Str(statement["Principal"]!["Service"]));
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
