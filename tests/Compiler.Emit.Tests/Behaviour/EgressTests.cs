using System.Net;
using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Emit.Tests.Behaviour;

/// <summary>
/// How private subnets reach the internet (issue 17, docs/decisions/0017-economy-egress.md), evaluated the way the VPC
/// routes a packet: subnet, its associated route table, the most specific route for an internet address, its target.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class EgressTests(SynthesisFixture fixture)
{
    private const string InternetAddress = "203.0.113.10";

    [Theory]
    [InlineData("dev", "AWS::EC2::Instance", 1)]
    [InlineData("prod", "AWS::EC2::NatGateway", 2)]
    public void Every_private_subnet_reaches_the_internet_through_the_profile_egress(string environment, string natType, int nats)
    {
        var shared = fixture.Stack("desafio-aws", environment, "shared");
        var privateSubnets = Subnets(shared, "Private");
        Assert.Equal(2, privateSubnets.Count);

        var targets = privateSubnets.Select(s => RouteTarget(shared, s, InternetAddress)).ToList();
        Assert.All(targets, t => Assert.Equal(natType, (string?)shared.Resource(t)["Type"]));
        Assert.Equal(nats, targets.Distinct().Count());
        Assert.Equal(nats, shared.Resources(natType).Count);
        Assert.Empty(environment == "dev" ? shared.Resources("AWS::EC2::NatGateway") : shared.Resources("AWS::EC2::Instance"));

        // Each NAT sits in a public subnet, whose own default route is the internet gateway.
        foreach (var nat in targets.Distinct())
        {
            var properties = shared.Resource(nat)["Properties"]!;
            var subnet = Template.Target(natType == "AWS::EC2::Instance" ? properties["NetworkInterfaces"]![0]!["SubnetId"] : properties["SubnetId"])!;
            Assert.Contains(subnet, Subnets(shared, "Public"));
            Assert.Equal("AWS::EC2::InternetGateway", (string?)shared.Resource(RouteTarget(shared, subnet, InternetAddress))["Type"]);
        }

        // The database's subnets have no way out at all.
        Assert.All(Subnets(shared, "Isolated"), s => Assert.Null(RouteTargetOrNull(shared, s, InternetAddress)));
    }

    [Fact]
    public void The_nat_instance_forwards_only_https_from_the_private_subnets_and_is_hardened()
    {
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var properties = Assert.Single(shared.Resources("AWS::EC2::Instance")).Resource["Properties"]!;

        // Forwarding needs the source/destination check off; the address is requested at launch because the user data
        // installs iptables from the package repositories before anything else could attach one.
        Assert.False(properties["SourceDestCheck"]!.GetValue<bool>());
        Assert.True(properties["NetworkInterfaces"]![0]!["AssociatePublicIpAddress"]!.GetValue<bool>());
        Assert.Equal("t4g.nano", (string?)properties["InstanceType"]);
        var userData = Template.Text(properties["UserData"]);
        Assert.Contains("MASQUERADE", userData, StringComparison.Ordinal);
        Assert.Contains("net.ipv4.ip_forward=1", userData, StringComparison.Ordinal);

        // The image is Amazon Linux 2023 for arm64, read from AWS's public SSM parameter when the stack deploys:
        // no AMI id at compile time, no context lookup.
        var image = Template.Target(properties["ImageId"])!;
        var parameter = shared.Root["Parameters"]![image]!;
        Assert.Equal("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", (string?)parameter["Type"]);
        Assert.StartsWith("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-", (string?)parameter["Default"], StringComparison.Ordinal);
        Assert.EndsWith("-arm64", (string?)parameter["Default"], StringComparison.Ordinal);

        var rootVolume = Assert.Single(properties["BlockDeviceMappings"]!.AsArray())!;
        Assert.Equal("/dev/xvda", (string?)rootVolume["DeviceName"]);
        Assert.True(rootVolume["Ebs"]!["Encrypted"]!.GetValue<bool>());

        var template = shared.Resource(Template.Target(properties["LaunchTemplate"]!["LaunchTemplateId"])!);
        Assert.Equal("required", (string?)template["Properties"]!["LaunchTemplateData"]!["MetadataOptions"]!["HttpTokens"]);

        // Its only security group admits TCP 443 from exactly the private subnets' ranges and sends 443 out.
        var group = shared.Resource(Template.Target(Assert.Single(properties["NetworkInterfaces"]![0]!["GroupSet"]!.AsArray()))!)["Properties"]!;
        var privateRanges = Subnets(shared, "Private").Select(s => (string?)shared.Resource(s)["Properties"]!["CidrBlock"]).Order().ToList();
        var ingress = group["SecurityGroupIngress"]!.AsArray();
        Assert.Equal(privateRanges, ingress.Select(r => (string?)r!["CidrIp"]).Order().ToList());
        Assert.All(ingress, r => Assert.Equal(("tcp", 443, 443), ((string?)r!["IpProtocol"], r["FromPort"]!.GetValue<int>(), r["ToPort"]!.GetValue<int>())));
        var egress = Assert.Single(group["SecurityGroupEgress"]!.AsArray())!;
        Assert.Equal(("tcp", 443, "0.0.0.0/0"), ((string?)egress["IpProtocol"], egress["FromPort"]!.GetValue<int>(), (string?)egress["CidrIp"]));
    }

    [Fact]
    public void Replacing_the_nat_instance_updates_the_private_routes_instead_of_leaving_them_dangling()
    {
        // A new Amazon Linux image changes ImageId ("Update requires: Replacement",
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html).
        // CloudFormation creates the new instance, updates whoever refers to it, then deletes the old one.
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var instanceId = Assert.Single(shared.Resources("AWS::EC2::Instance")).Id;
        var before = shared.Root;
        var after = before.DeepClone().AsObject();
        after["Resources"]![instanceId]!["Properties"]!["ImageId"] = "ami-0123456789abcdef0";

        var changes = new TemplateComparer(ReplacementCatalog.Default).Compare("desafio-dev-shared", before, after);

        Assert.Equal(ChangeKind.Replaced, changes.Single(c => c.LogicalId == instanceId).Kind);
        var routes = changes.Where(c => c.Type == "AWS::EC2::Route").ToList();
        Assert.Equal(2, routes.Count);
        Assert.All(routes, r =>
        {
            // AWS::EC2::Route InstanceId: "Update requires: No interruption": the same route now points at the new instance.
            Assert.Equal(ChangeKind.Modified, r.Kind);
            var change = Assert.Single(r.Changes);
            Assert.Equal(("InstanceId", instanceId), (change.Path, change.ReferencedResource));
        });
    }

    [Fact]
    public void The_nat_instance_is_created_after_its_subnet_can_reach_the_internet()
    {
        // CloudFormation creates a resource only after everything it names in DependsOn, Ref or Fn::GetAtt
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html). The user
        // data installs packages at boot, so the public subnet's route to the internet gateway (and the gateway's
        // attachment to the VPC) must exist before the instance does.
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var (instance, resource) = Assert.Single(shared.Resources("AWS::EC2::Instance"));
        var subnet = Template.Target(resource["Properties"]!["NetworkInterfaces"]![0]!["SubnetId"])!;
        var association = Assert.Single(shared.Resources("AWS::EC2::SubnetRouteTableAssociation"), a => Template.Target(a.Resource["Properties"]!["SubnetId"]) == subnet);
        var table = Template.Target(association.Resource["Properties"]!["RouteTableId"]);
        var internetRoute = Assert.Single(shared.Resources("AWS::EC2::Route"), r => Template.Target(r.Resource["Properties"]!["RouteTableId"]) == table
            && (string?)r.Resource["Properties"]!["DestinationCidrBlock"] == "0.0.0.0/0"
            && (string?)shared.Resource(Template.Target(r.Resource["Properties"]!["GatewayId"]) ?? "")?["Type"] == "AWS::EC2::InternetGateway").Id;
        var attachment = Assert.Single(shared.Resources("AWS::EC2::VPCGatewayAttachment")).Id;

        var createdBefore = Prerequisites(shared, instance);

        Assert.Contains(internetRoute, createdBefore);
        Assert.Contains(attachment, createdBefore);
    }

    // Every resource CloudFormation must finish creating before this one: DependsOn, Ref and Fn::GetAtt, transitively.
    private static HashSet<string> Prerequisites(Template shared, string logicalId)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([logicalId]);
        while (pending.TryPop(out var id))
        {
            foreach (var next in DirectPrerequisites(shared, shared.Resource(id)).Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    private static IEnumerable<string> DirectPrerequisites(Template shared, JsonObject resource)
    {
        var dependsOn = resource["DependsOn"] switch
        {
            JsonArray many => many.Select(d => (string)d!),
            JsonValue one => [(string)one!],
            _ => [],
        };
        return dependsOn.Concat(References(resource["Properties"])).Where(shared.ResourcesSection.ContainsKey);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o when o.Count == 1 && o["Ref"] is JsonValue r => [(string)r!],
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray a => [(string)a[0]!],
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonValue g => [((string)g!).Split('.')[0]],
        JsonObject o => o.SelectMany(p => References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static List<string> Subnets(Template shared, string tier) =>
        shared.Resources("AWS::EC2::Subnet").Where(s => s.Resource["Properties"]!["Tags"]!.AsArray()
            .Any(t => (string?)t!["Key"] == "aws-cdk:subnet-name" && (string?)t["Value"] == tier)).Select(s => s.Id).ToList();

    private static string RouteTarget(Template shared, string subnet, string address) =>
        RouteTargetOrNull(shared, subnet, address) ?? throw new Xunit.Sdk.XunitException($"{subnet} has no route to {address}");

    // The route table associated with the subnet; of its routes covering the address, the most specific one's target.
    private static string? RouteTargetOrNull(Template shared, string subnet, string address)
    {
        var association = Assert.Single(shared.Resources("AWS::EC2::SubnetRouteTableAssociation"), a => Template.Target(a.Resource["Properties"]!["SubnetId"]) == subnet);
        var table = Template.Target(association.Resource["Properties"]!["RouteTableId"]);
        var route = shared.Resources("AWS::EC2::Route")
            .Select(r => r.Resource["Properties"]!)
            .Where(r => Template.Target(r["RouteTableId"]) == table && r["DestinationCidrBlock"] is { } cidr && Covers((string)cidr!, address))
            .MaxBy(r => int.Parse(((string)r["DestinationCidrBlock"]!).Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
        if (route is null)
        {
            return null;
        }

        var target = new[] { "InstanceId", "NatGatewayId", "GatewayId", "NetworkInterfaceId", "TransitGatewayId", "VpcPeeringConnectionId" }
            .Select(k => route[k]).Single(v => v is not null);
        return Template.Target(target);
    }

    private static bool Covers(string cidr, string address)
    {
        var parts = cidr.Split('/');
        var prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var network = BitConverter.ToUInt32(IPAddress.Parse(parts[0]).GetAddressBytes().Reverse().ToArray());
        var value = BitConverter.ToUInt32(IPAddress.Parse(address).GetAddressBytes().Reverse().ToArray());
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (network & mask) == (value & mask);
    }
}
