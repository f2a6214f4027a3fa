namespace Trilho.Compiler.Delivery.Tests;

/// <summary>The platform role deploys every stack of its environment, through its execution role, and nothing of other environments.</summary>
public sealed class PlatformRoleLimitsTests
{
    private const string Region = "sa-east-1";
    private const string Platform = "shop-dev-deploy-platform";

    private static Iam Dev() => new(DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev").Template, Platforms.DevAccount, Region);

    private static string Stack(string name, string region = Region) =>
        $"arn:aws:cloudformation:{region}:{Platforms.DevAccount}:stack/{name}/0f1e2d3c";

    [Fact]
    public void Platform_role_deploys_every_stack_of_its_environment_including_the_us_east_1_one()
    {
        var iam = Dev();
        var bound = new Dictionary<string, string> { ["cloudformation:RoleArn"] = iam.RoleArn("shop-dev-cfn-platform") };
        foreach (var stack in new[] { "shop-dev-shared", "shop-dev-app-orders", "shop-dev-app-admin", "shop-dev-edge", "shop-dev-delivery" })
        {
            Assert.True(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack(stack), bound), stack);
            Assert.True(iam.Allows(Platform, "cloudformation:ExecuteChangeSet", Stack(stack)), stack);
        }

        Assert.True(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-dev-global", "us-east-1"), bound));
    }

    [Fact]
    public void Platform_role_cannot_deploy_other_environments_or_platforms_or_without_its_execution_role()
    {
        var iam = Dev();
        var bound = new Dictionary<string, string> { ["cloudformation:RoleArn"] = iam.RoleArn("shop-dev-cfn-platform") };
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-prod-shared"), bound));
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-devx-shared"), bound));
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("other-dev-shared"), bound));
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-dev-shared", "eu-west-1"), bound));
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-dev-shared")));
        Assert.False(iam.Allows(Platform, "cloudformation:CreateChangeSet", Stack("shop-dev-shared"),
            new Dictionary<string, string> { ["cloudformation:RoleArn"] = iam.RoleArn("shop-dev-cfn-team-orders") }));
    }

    [Fact]
    public void Platform_role_holds_no_service_permissions_itself()
    {
        var iam = Dev();
        Assert.False(iam.Allows(Platform, "ec2:CreateVpc", "*"));
        Assert.False(iam.Allows(Platform, "iam:CreateRole", iam.RoleArn("shop-dev-anything")));
        Assert.False(iam.Allows(Platform, "s3:PutObject", "arn:aws:s3:::shop-dev-app-store-bucket-aaa/store/index.html"));
        Assert.False(iam.Allows(Platform, "iam:PassRole", iam.RoleArn("shop-dev-cfn-team-orders"),
            new Dictionary<string, string> { ["iam:PassedToService"] = "cloudformation.amazonaws.com" }));
        Assert.True(iam.Allows(Platform, "iam:PassRole", iam.RoleArn("shop-dev-cfn-platform"),
            new Dictionary<string, string> { ["iam:PassedToService"] = "cloudformation.amazonaws.com" }));
    }

    [Fact]
    public void Platform_role_pushes_images_to_every_repository_of_its_environment_only()
    {
        var iam = Dev();
        Assert.True(iam.Allows(Platform, "ecr:PutImage", $"arn:aws:ecr:{Region}:{Platforms.DevAccount}:repository/shop-dev/orders"));
        Assert.False(iam.Allows(Platform, "ecr:PutImage", $"arn:aws:ecr:{Region}:{Platforms.DevAccount}:repository/shop-prod/orders"));
    }

    [Fact]
    public void Platform_execution_role_manages_iam_only_for_roles_named_after_the_environment()
    {
        var iam = Dev();
        const string execution = "shop-dev-cfn-platform";
        Assert.True(iam.Allows(execution, "iam:CreateRole", iam.RoleArn("shop-dev-shared-FlowLogsRole-X")));
        Assert.True(iam.Allows(execution, "ec2:CreateVpc", "*"));
        Assert.False(iam.Allows(execution, "iam:CreateRole", iam.RoleArn("Admin")));
        Assert.False(iam.Allows(execution, "iam:CreateRole", iam.RoleArn("shop-prod-anything")));
        Assert.False(iam.Allows(execution, "iam:CreateUser", $"arn:aws:iam::{Platforms.DevAccount}:user/shop-dev-x"));
        Assert.False(iam.Allows(execution, "iam:CreatePolicy", "*"));
        Assert.False(iam.Allows(execution, "organizations:LeaveOrganization", "*"));
    }

    [Fact]
    public void No_role_allows_every_action_or_iam_or_sts_on_every_resource()
    {
        foreach (var environment in new[] { "dev", "prod" })
        {
            var iam = new Iam(DeliveryTemplates.Synthesize(Platforms.TwoTeams, environment).Template, Platforms.DevAccount, Region,
                new Dictionary<string, string> { ["StoreBucketName"] = "b1", ["AdminBucketName"] = "b2", ["DistributionId"] = "E1" });
            foreach (var role in iam.Roles.Values)
            {
                foreach (var statement in role.Statements)
                {
                    var actions = Iam.Strings(statement["Action"]).ToList();
                    Assert.DoesNotContain("*", actions);
                    if (Iam.Strings(statement["Resource"]).Contains("*"))
                    {
                        Assert.DoesNotContain(actions, a => a.StartsWith("iam:", StringComparison.Ordinal) || a.StartsWith("sts:", StringComparison.Ordinal) || a.StartsWith("organizations:", StringComparison.Ordinal));
                    }
                }
            }
        }
    }

    [Fact]
    public void Team_roles_use_a_wildcard_resource_only_for_the_registry_login()
    {
        var iam = Dev();
        foreach (var role in new[] { "shop-dev-deploy-team-orders", "shop-dev-deploy-team-payments" })
        {
            var wildcard = iam.Roles[role].Statements.Where(s => Iam.Strings(s["Resource"]).Any(r => r == "*")).SelectMany(s => Iam.Strings(s["Action"]));
            Assert.Equal(["ecr:GetAuthorizationToken"], wildcard);
        }
    }
}
