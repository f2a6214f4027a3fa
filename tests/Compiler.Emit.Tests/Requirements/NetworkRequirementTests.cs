namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>The VPC (issue 3, item 4).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class NetworkRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev", "AWS::EC2::Instance", 1)]
    [InlineData("prod", "AWS::EC2::NatGateway", 2)]
    public void Network_spans_two_zones_with_public_private_and_isolated_subnets_and_NAT_per_profile(string environment, string natType, int nats)
    {
        var shared = fixture.Stack("desafio-aws", environment, "shared");
        var subnets = shared.Resources("AWS::EC2::Subnet").Select(s => s.Id).ToList();
        Assert.Equal(6, subnets.Count);
        foreach (var tier in new[] { "Public", "Private", "Isolated" })
        {
            Assert.Equal(2, subnets.Count(s => s.Contains(tier + "Subnet", StringComparison.Ordinal)));
        }

        // Zones resolve at deploy time in the target account: nothing is looked up at compile time.
        Assert.Contains("Fn::GetAZs", shared.Stack.Template, StringComparison.Ordinal);
        Assert.DoesNotContain("dummy1a", shared.Stack.Template, StringComparison.Ordinal);

        // Economy: one NAT instance and no gateway (docs/decisions/0017-economy-egress.md); resilient: a NAT gateway per zone.
        Assert.Equal(nats, shared.Resources(natType).Count);
        Assert.Empty(shared.Resources(natType == "AWS::EC2::Instance" ? "AWS::EC2::NatGateway" : "AWS::EC2::Instance"));
        Assert.All(shared.Resources("AWS::EC2::Subnet"), s => Assert.NotEqual("true", s.Resource["Properties"]!["MapPublicIpOnLaunch"]?.ToString()));
    }

    [Fact]
    public void Flow_logs_capture_all_traffic_into_an_encrypted_log_group_with_retention()
    {
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var flowLog = shared.Properties("AWS::EC2::FlowLog");
        Assert.Equal("ALL", flowLog["TrafficType"]!.GetValue<string>());
        var logGroup = shared.Resource(Template.Target(flowLog["LogGroupName"])!)["Properties"]!;
        Assert.Equal(7, logGroup["RetentionInDays"]!.GetValue<int>());
        Assert.NotNull(logGroup["KmsKeyId"]);
    }
}
