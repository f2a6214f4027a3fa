namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>RDS PostgreSQL and its private name (issue 3, item 9).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class DatabaseRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 14)]
    public void Database_is_encrypted_private_TLS_only_with_a_password_managed_by_RDS_and_backed_up(string environment, int backupDays)
    {
        var shared = fixture.Stack("desafio-aws", environment, "shared");
        var instance = shared.Properties("AWS::RDS::DBInstance");
        Assert.Equal("postgres", instance["Engine"]!.GetValue<string>());
        Assert.Equal("16", instance["EngineVersion"]!.GetValue<string>());
        Assert.True(instance["StorageEncrypted"]!.GetValue<bool>());
        Assert.Equal(shared.Resources("AWS::KMS::Key").Single(k => k.Id.StartsWith("Database", StringComparison.Ordinal)).Id, Template.Target(instance["KmsKeyId"]));
        Assert.True(instance["ManageMasterUserPassword"]!.GetValue<bool>());
        Assert.Null(instance["MasterUserPassword"]);
        Assert.Equal("app", instance["DBName"]!.GetValue<string>());
        Assert.Equal(backupDays, instance["BackupRetentionPeriod"]!.GetValue<int>());

        var parameters = shared.Properties("AWS::RDS::DBParameterGroup");
        Assert.Equal("1", parameters["Parameters"]!["rds.force_ssl"]!.GetValue<string>());
        Assert.Empty(shared.Resources("AWS::Lambda::Function"));

        // Isolated subnets: no route to a NAT or internet gateway.
        var subnets = shared.Properties("AWS::RDS::DBSubnetGroup")["SubnetIds"]!.AsArray().Select(Template.Target).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("Isolated", s, StringComparison.Ordinal));

        // Log groups exist before RDS writes to them, so they have a retention without a custom resource.
        var logGroups = shared.Resources("AWS::Logs::LogGroup").Select(l => l.Resource["Properties"]!["LogGroupName"]?.GetValue<string>()).ToList();
        Assert.Contains($"/aws/rds/instance/desafio-{environment}-db/postgresql", logGroups);
    }

    [Fact]
    public void Resilient_database_is_multi_az_deletion_protected_and_snapshotted_on_delete()
    {
        var prod = fixture.Stack("desafio-aws", "prod", "shared");
        var instance = prod.Single("AWS::RDS::DBInstance");
        Assert.True(instance["Properties"]!["MultiAZ"]!.GetValue<bool>());
        // On once created; off only during the first create (FirstCreateRollbackTests evaluates both).
        Assert.Equal("""{"Fn::If":["DeletionProtectionOn",true,false]}""", instance["Properties"]!["DeletionProtection"]!.ToJsonString());
        Assert.Equal("Snapshot", instance["DeletionPolicy"]!.GetValue<string>());
        Assert.Equal("db.t4g.medium", instance["Properties"]!["DBInstanceClass"]!.GetValue<string>());

        var dev = fixture.Stack("desafio-aws", "dev", "shared").Single("AWS::RDS::DBInstance");
        Assert.False(dev["Properties"]!["MultiAZ"]!.GetValue<bool>());
        Assert.Equal("Delete", dev["DeletionPolicy"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("desafio-aws", "internal.dev.desafio.example.com.", "db.internal.dev.desafio.example.com.")]
    [InlineData("two-apis-firewall-no-domain", "shop.internal.", "orders-db.shop.internal.")]
    public void Database_has_a_private_name_in_the_platform_zone(string caseName, string zone, string name)
    {
        var shared = fixture.Stack(caseName, "dev", "shared");
        var hostedZone = shared.Properties("AWS::Route53::HostedZone");
        Assert.Equal(zone, hostedZone["Name"]!.GetValue<string>());
        Assert.NotNull(hostedZone["VPCs"]);

        var record = shared.Properties("AWS::Route53::RecordSet");
        Assert.Equal("CNAME", record["Type"]!.GetValue<string>());
        Assert.Equal(name, record["Name"]!.GetValue<string>());
        Assert.Contains("Endpoint.Address", record["ResourceRecords"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
