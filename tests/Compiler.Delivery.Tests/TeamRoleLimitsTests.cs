namespace Trilho.Compiler.Delivery.Tests;

/// <summary>A team's role ships that team's apps and cannot reach another team's stack, repository, bucket path or roles.</summary>
public sealed class TeamRoleLimitsTests
{
    private const string Region = "sa-east-1";
    private const string Orders = "shop-dev-deploy-team-orders";
    private const string Payments = "shop-dev-deploy-team-payments";

    private static readonly Dictionary<string, string> Wired = new()
    {
        ["StoreBucketName"] = "shop-dev-app-store-bucket-aaa",
        ["AdminBucketName"] = "shop-dev-app-admin-bucket-bbb",
        ["DistributionId"] = "E1DIST",
    };

    private static Iam Dev(IReadOnlyDictionary<string, string>? parameters = null) =>
        new(DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev").Template, Platforms.DevAccount, Region, parameters ?? Wired);

    private static string Stack(string name, string region = Region) =>
        $"arn:aws:cloudformation:{region}:{Platforms.DevAccount}:stack/{name}/0f1e2d3c";

    private static Dictionary<string, string> WithRole(Iam iam, string role) => new() { ["cloudformation:RoleArn"] = iam.RoleArn(role) };

    [Fact]
    public void Team_role_creates_change_sets_on_its_own_app_stacks_with_its_execution_role()
    {
        var iam = Dev();
        var own = WithRole(iam, "shop-dev-cfn-team-orders");
        Assert.True(iam.Allows(Orders, "cloudformation:CreateChangeSet", Stack("shop-dev-app-orders"), own));
        Assert.True(iam.Allows(Orders, "cloudformation:CreateChangeSet", Stack("shop-dev-app-store"), own));
        Assert.True(iam.Allows(Orders, "cloudformation:ExecuteChangeSet", Stack("shop-dev-app-orders")));
    }

    [Fact]
    public void Team_role_cannot_change_another_teams_or_the_platforms_stacks()
    {
        var iam = Dev();
        var own = WithRole(iam, "shop-dev-cfn-team-orders");
        foreach (var stack in new[] { "shop-dev-app-payments", "shop-dev-app-admin", "shop-dev-shared", "shop-dev-edge", "shop-dev-delivery", "shop-prod-app-orders" })
        {
            Assert.False(iam.Allows(Orders, "cloudformation:CreateChangeSet", Stack(stack), own), stack);
            Assert.False(iam.Allows(Orders, "cloudformation:ExecuteChangeSet", Stack(stack)), stack);
            Assert.False(iam.Allows(Orders, "cloudformation:UpdateStack", Stack(stack)), stack);
            Assert.False(iam.Allows(Orders, "cloudformation:DeleteStack", Stack(stack)), stack);
        }

        Assert.False(iam.Allows(Orders, "cloudformation:CreateChangeSet", Stack("shop-dev-global", "us-east-1"), own));
    }

    [Fact]
    public void Team_role_must_bind_its_change_sets_to_its_own_execution_role()
    {
        var iam = Dev();
        var stack = Stack("shop-dev-app-orders");
        Assert.False(iam.Allows(Orders, "cloudformation:CreateChangeSet", stack));
        Assert.False(iam.Allows(Orders, "cloudformation:CreateChangeSet", stack, WithRole(iam, "shop-dev-cfn-platform")));
        Assert.False(iam.Allows(Orders, "cloudformation:CreateChangeSet", stack, WithRole(iam, "shop-dev-cfn-team-payments")));
        Assert.False(iam.Allows(Orders, "cloudformation:UpdateStack", stack));
    }

    [Fact]
    public void Team_role_passes_only_its_execution_role_and_only_to_CloudFormation()
    {
        var iam = Dev();
        var toCloudFormation = new Dictionary<string, string> { ["iam:PassedToService"] = "cloudformation.amazonaws.com" };
        Assert.True(iam.Allows(Orders, "iam:PassRole", iam.RoleArn("shop-dev-cfn-team-orders"), toCloudFormation));
        Assert.False(iam.Allows(Orders, "iam:PassRole", iam.RoleArn("shop-dev-cfn-team-orders"), new Dictionary<string, string> { ["iam:PassedToService"] = "ec2.amazonaws.com" }));
        Assert.False(iam.Allows(Orders, "iam:PassRole", iam.RoleArn("shop-dev-cfn-team-payments"), toCloudFormation));
        Assert.False(iam.Allows(Orders, "iam:PassRole", iam.RoleArn("shop-dev-cfn-platform"), toCloudFormation));
    }

    [Fact]
    public void Team_role_reads_outputs_of_the_environments_stacks_to_wire_parameters()
    {
        var iam = Dev();
        Assert.True(iam.Allows(Orders, "cloudformation:DescribeStacks", Stack("shop-dev-shared")));
        Assert.False(iam.Allows(Orders, "cloudformation:DescribeStacks", Stack("shop-prod-shared")));
        Assert.False(iam.Allows(Orders, "cloudformation:DescribeStacks", Stack("other-dev-shared")));
    }

    [Fact]
    public void Team_role_pushes_images_only_to_its_own_repositories()
    {
        var iam = Dev();
        string Repository(string name) => $"arn:aws:ecr:{Region}:{Platforms.DevAccount}:repository/{name}";
        Assert.True(iam.Allows(Orders, "ecr:PutImage", Repository("shop-dev/orders")));
        Assert.True(iam.Allows(Orders, "ecr:GetAuthorizationToken", "*"));
        Assert.False(iam.Allows(Orders, "ecr:PutImage", Repository("shop-dev/payments")));
        Assert.False(iam.Allows(Orders, "ecr:PutImage", Repository("shop-prod/orders")));
        Assert.False(iam.Allows(Orders, "ecr:DeleteRepository", Repository("shop-dev/orders")));
        Assert.False(iam.Allows(Orders, "ecr:SetRepositoryPolicy", Repository("shop-dev/orders")));
        Assert.True(iam.Allows(Payments, "ecr:PutImage", Repository("shop-dev/payments")));
    }

    [Fact]
    public void Team_role_uploads_only_under_its_static_apps_path_in_its_bucket()
    {
        var iam = Dev();
        Assert.True(iam.Allows(Orders, "s3:PutObject", "arn:aws:s3:::shop-dev-app-store-bucket-aaa/store/assets/app.1a2b.js"));
        Assert.True(iam.Allows(Orders, "s3:DeleteObject", "arn:aws:s3:::shop-dev-app-store-bucket-aaa/store/index.html"));
        Assert.False(iam.Allows(Orders, "s3:PutObject", "arn:aws:s3:::shop-dev-app-store-bucket-aaa/index.html"));
        Assert.False(iam.Allows(Orders, "s3:PutObject", "arn:aws:s3:::shop-dev-app-store-bucket-aaa/storefront/x"));
        Assert.False(iam.Allows(Orders, "s3:PutObject", "arn:aws:s3:::shop-dev-app-admin-bucket-bbb/admin/index.html"));
        Assert.False(iam.Allows(Orders, "s3:PutBucketPolicy", "arn:aws:s3:::shop-dev-app-store-bucket-aaa"));
        Assert.True(iam.Allows(Payments, "s3:PutObject", "arn:aws:s3:::shop-dev-app-admin-bucket-bbb/admin/index.html"));
    }

    [Fact]
    public void Team_role_lists_its_bucket_only_under_its_apps_prefix()
    {
        var iam = Dev();
        const string bucket = "arn:aws:s3:::shop-dev-app-store-bucket-aaa";
        Assert.True(iam.Allows(Orders, "s3:ListBucket", bucket, new Dictionary<string, string> { ["s3:prefix"] = "store/" }));
        Assert.False(iam.Allows(Orders, "s3:ListBucket", bucket, new Dictionary<string, string> { ["s3:prefix"] = "" }));
        Assert.False(iam.Allows(Orders, "s3:ListBucket", bucket));
        Assert.False(iam.Allows(Orders, "s3:ListBucket", "arn:aws:s3:::shop-dev-app-admin-bucket-bbb", new Dictionary<string, string> { ["s3:prefix"] = "admin/" }));
    }

    [Fact]
    public void Team_role_invalidates_only_the_platforms_distribution()
    {
        var iam = Dev();
        Assert.True(iam.Allows(Orders, "cloudfront:CreateInvalidation", $"arn:aws:cloudfront::{Platforms.DevAccount}:distribution/E1DIST"));
        Assert.False(iam.Allows(Orders, "cloudfront:CreateInvalidation", $"arn:aws:cloudfront::{Platforms.DevAccount}:distribution/EOTHER"));
        Assert.False(iam.Allows(Orders, "cloudfront:UpdateDistribution", $"arn:aws:cloudfront::{Platforms.DevAccount}:distribution/E1DIST"));
    }

    [Fact]
    public void Before_buckets_and_distribution_are_known_the_team_role_has_no_upload_or_invalidation_grant()
    {
        var iam = Dev(new Dictionary<string, string>());
        Assert.DoesNotContain(iam.Roles[Orders].Statements, s => Iam.Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal) || a.StartsWith("cloudfront:", StringComparison.Ordinal)));
        Assert.False(iam.Allows(Orders, "s3:PutObject", "arn:aws:s3:::/store/index.html"));
        Assert.True(iam.Allows(Orders, "ecr:PutImage", $"arn:aws:ecr:{Region}:{Platforms.DevAccount}:repository/shop-dev/orders"));
    }

    [Fact]
    public void Team_execution_role_manages_roles_and_buckets_only_of_the_teams_app_stacks()
    {
        var iam = Dev();
        const string execution = "shop-dev-cfn-team-orders";
        Assert.True(iam.Allows(execution, "iam:CreateRole", iam.RoleArn("shop-dev-app-orders-TaskRole-1A2B")));
        Assert.True(iam.Allows(execution, "s3:PutBucketPolicy", "arn:aws:s3:::shop-dev-app-store-bucket-aaa"));
        Assert.False(iam.Allows(execution, "iam:CreateRole", iam.RoleArn("shop-dev-app-payments-TaskRole-1A2B")));
        Assert.False(iam.Allows(execution, "iam:PutRolePolicy", iam.RoleArn("shop-dev-cfn-team-orders")));
        Assert.False(iam.Allows(execution, "iam:PutRolePolicy", iam.RoleArn("shop-dev-deploy-platform")));
        Assert.False(iam.Allows(execution, "s3:PutBucketPolicy", "arn:aws:s3:::shop-dev-app-admin-bucket-bbb"));
        Assert.False(iam.Allows(execution, "rds:DeleteDBInstance", $"arn:aws:rds:{Region}:{Platforms.DevAccount}:db:shop-dev-db"));
        Assert.False(iam.Allows(execution, "ec2:DeleteVpc", "*"));
    }

    [Fact]
    public void Teams_without_apps_get_no_role()
    {
        var (template, result) = DeliveryTemplates.Synthesize(Platforms.TwoTeams, "dev");
        var iam = new Iam(template, Platforms.DevAccount, Region, Wired);
        Assert.Equal(["orders", "payments"], result.TeamRoleNames.Keys);
        Assert.DoesNotContain(iam.Roles.Keys, name => name.Contains("noc", StringComparison.Ordinal));
    }
}
