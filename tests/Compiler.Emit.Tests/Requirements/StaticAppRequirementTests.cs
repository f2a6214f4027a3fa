namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>static apps (issue 3, item 8).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class StaticAppRequirementTests(SynthesisFixture fixture)
{
    [Fact]
    public void Frontend_bucket_is_private_encrypted_and_versioned()
    {
        var bucket = fixture.Stack("desafio-aws", "dev", "app-frontend").Single("AWS::S3::Bucket");
        var properties = bucket["Properties"]!;
        var block = properties["PublicAccessBlockConfiguration"]!;
        foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
        {
            Assert.True(block[setting]!.GetValue<bool>(), setting);
        }

        Assert.Equal("AES256", properties["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
        Assert.Equal("Enabled", properties["VersioningConfiguration"]!["Status"]!.GetValue<string>());
        Assert.Equal("BucketOwnerEnforced", properties["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]!.GetValue<string>());
        Assert.Null(properties["WebsiteConfiguration"]);
        Assert.Equal("Retain", bucket["DeletionPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Frontend_bucket_is_readable_only_by_the_distribution_and_denies_insecure_transport()
    {
        var edge = fixture.Stack("desafio-aws", "dev", "edge");
        var policy = edge.Properties("AWS::S3::BucketPolicy");
        Assert.Equal("FrontendBucketName", Template.Target(policy["Bucket"]));
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray();

        var allows = statements.Where(s => s!["Effect"]!.GetValue<string>() == "Allow").ToList();
        Assert.Equal(2, allows.Count);
        var read = allows.Single(s => s!["Action"]!.GetValue<string>() == "s3:GetObject")!;

        // Listing lets S3 answer 404, not 403, for a missing file (ADR 0011); only this distribution may.
        var list = allows.Single(s => s!["Action"]!.GetValue<string>() == "s3:ListBucket")!;
        Assert.Equal("cloudfront.amazonaws.com", list["Principal"]!["Service"]!.GetValue<string>());
        Assert.Contains(edge.Resources("AWS::CloudFront::Distribution").Single().Id, list["Condition"]!["StringEquals"]!["AWS:SourceArn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("cloudfront.amazonaws.com", read["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("s3:GetObject", read["Action"]!.GetValue<string>());
        Assert.Contains(edge.Resources("AWS::CloudFront::Distribution").Single().Id, read["Condition"]!["StringEquals"]!["AWS:SourceArn"]!.ToJsonString(), StringComparison.Ordinal);

        var deny = statements.Single(s => s!["Effect"]!.GetValue<string>() == "Deny")!;
        Assert.Equal("false", deny["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>());
        Assert.Equal("s3:*", deny["Action"]!.GetValue<string>());
    }

    [Fact]
    public void Without_api_apps_or_database_there_is_no_network_load_balancer_or_NAT_bill()
    {
        var plan = fixture.Plan("static-only-certificate", "prod");
        Assert.Equal(["site-prod-app-docs", "site-prod-edge", "site-prod-edge-logs", "site-prod-monitoring-edge", "site-prod-monitoring-edge-app-docs", "site-prod-monitoring"], plan.Stacks.Select(s => s.StackName));
        Assert.Null(plan.PushImagesAfter);
        Assert.Empty(fixture.Stack("static-only-certificate", "prod", "edge").Resources("AWS::CloudFront::VpcOrigin"));
    }
}
