using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>Who can reach what (issue 3, item 5): CloudFront to the load balancer, the load balancer to the apps, the listed apps to the database.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class FirewallRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("desafio-aws", "dev", "pl-5da64334")]
    [InlineData("two-apis-firewall-no-domain", "dev", "pl-b6a144df")]
    public void Load_balancer_is_reachable_only_from_CloudFront(string caseName, string environment, string prefixList)
    {
        var shared = fixture.Stack(caseName, environment, "shared");
        var alb = shared.Single("AWS::ElasticLoadBalancingV2::LoadBalancer");
        Assert.Equal("internal", alb["Properties"]!["Scheme"]!.GetValue<string>());

        var group = Template.Target(Assert.Single(alb["Properties"]!["SecurityGroups"]!.AsArray()));
        var ingress = Ingress(shared, group!);
        var rule = Assert.Single(ingress);
        Assert.Equal("CloudFrontPrefixListId", Template.Target(rule["SourcePrefixListId"]));
        Assert.Equal(80, rule["FromPort"]!.GetValue<int>());
        Assert.Equal(80, rule["ToPort"]!.GetValue<int>());

        var parameter = fixture.Plan(caseName, environment).Stacks.Single(s => s.StackName.EndsWith("-shared", StringComparison.Ordinal))
            .Parameters.Single(p => p.Key == "CloudFrontPrefixListId").Value;
        Assert.Equal(prefixList, parameter.Value);

        // CloudFront reaches the internal load balancer only through the VPC origin.
        var edge = fixture.Stack(caseName, environment, "edge");
        Assert.Equal("LoadBalancerArn", Template.Target(edge.Properties("AWS::CloudFront::VpcOrigin")["VpcOriginEndpointConfig"]!["Arn"]));
        var origins = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!["Origins"]!.AsArray();
        var albOrigin = origins.Single(o => Template.Target(o!["DomainName"]) == "LoadBalancerDnsName")!;
        Assert.Null(albOrigin["CustomOriginConfig"]);
        Assert.Equal(edge.Resources("AWS::CloudFront::VpcOrigin").Single().Id, Template.Target(albOrigin["VpcOriginConfig"]!["VpcOriginId"]));
    }

    [Theory]
    [InlineData("desafio-aws", "backend", 8080)]
    [InlineData("two-apis-firewall-no-domain", "orders", 3000)]
    [InlineData("two-apis-firewall-no-domain", "reports", 8080)]
    public void App_tasks_accept_traffic_only_from_the_load_balancer_on_their_port(string caseName, string app, int port)
    {
        var shared = fixture.Stack(caseName, "dev", "shared");
        var appGroup = GroupOf(shared, $"{EmitNames.Pascal(app)}SecurityGroupId");
        var loadBalancerGroup = Template.Target(shared.Properties("AWS::ElasticLoadBalancingV2::LoadBalancer")["SecurityGroups"]![0]);

        var rule = Assert.Single(Ingress(shared, appGroup));
        Assert.Equal(loadBalancerGroup, Template.Target(rule["SourceSecurityGroupId"]));
        Assert.Equal(port, rule["FromPort"]!.GetValue<int>());
        Assert.Equal(port, rule["ToPort"]!.GetValue<int>());

        // The service runs with exactly that group.
        var service = fixture.Stack(caseName, "dev", "app-" + app).Properties("AWS::ECS::Service");
        var groups = service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["SecurityGroups"]!.AsArray();
        Assert.Equal("SecurityGroupId", Template.Target(Assert.Single(groups)));
    }

    [Theory]
    [InlineData("desafio-aws", "dev", new[] { "backend" })]
    [InlineData("desafio-aws", "prod", new[] { "backend" })]
    [InlineData("two-apis-firewall-no-domain", "dev", new[] { "orders" })]
    public void Database_accepts_connections_only_from_the_apps_in_database_access(string caseName, string environment, string[] access)
    {
        var shared = fixture.Stack(caseName, environment, "shared");
        var instance = shared.Properties("AWS::RDS::DBInstance");
        var databaseGroup = Template.Target(Assert.Single(instance["VPCSecurityGroups"]!.AsArray()));

        var ingress = Ingress(shared, databaseGroup!);
        var sources = ingress.Select(r => Template.Target(r["SourceSecurityGroupId"])).Order(StringComparer.Ordinal).ToList();
        // The apps, and the one-off task that creates their roles (DatabaseRoles), in the group the deploy plan runs it with.
        var step = JsonNode.Parse(Synthesis.DeployPlanJson.Write(fixture.Plan(caseName, environment)))!["steps"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "runTask")!;
        var roleSetup = GroupOf(shared, step["securityGroup"]!["output"]!.GetValue<string>());
        var expected = access.Select(a => GroupOf(shared, $"{EmitNames.Pascal(a)}SecurityGroupId")).Append(roleSetup);
        Assert.Equal(expected.Order(StringComparer.Ordinal), sources);
        Assert.All(ingress, r =>
        {
            Assert.Equal(5432, r["FromPort"]!.GetValue<int>());
            Assert.Equal(5432, r["ToPort"]!.GetValue<int>());
            Assert.Null(r["CidrIp"]);
        });
        Assert.Equal("false", instance["PubliclyAccessible"]!.ToString());
    }

    [Fact]
    public void An_api_app_outside_database_access_gets_neither_a_route_nor_credentials_to_the_database()
    {
        var shared = fixture.Stack("two-apis-firewall-no-domain", "dev", "shared");
        var reports = GroupOf(shared, "ReportsSecurityGroupId");
        var egress = shared.Resources("AWS::EC2::SecurityGroupEgress").Select(e => e.Resource["Properties"]!).Where(e => Template.Target(e["GroupId"]) == reports);
        Assert.DoesNotContain(egress, e => e["FromPort"]!.GetValue<int>() == 5432);

        var app = fixture.Stack("two-apis-firewall-no-domain", "dev", "app-reports");
        Assert.DoesNotContain("DatabaseResourceId", app.ParameterNames);
        Assert.DoesNotContain("DB_HOST", app.Stack.Template, StringComparison.Ordinal);
        Assert.DoesNotContain("rds-db", app.Stack.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void No_security_group_accepts_traffic_from_anywhere()
    {
        foreach (var template in fixture.AllTemplates())
        {
            // The one CIDR source allowed is a private subnet of the same VPC: the NAT instance forwards what the tasks
            // there send out (docs/decisions/0017-economy-egress.md). Anything wider, and any IPv6 range, fails.
            var privateSubnets = template.Resources("AWS::EC2::Subnet")
                .Where(s => s.Resource["Properties"]!["Tags"]!.AsArray().Any(t => (string?)t!["Key"] == "aws-cdk:subnet-name" && (string?)t["Value"] == "Private"))
                .Select(s => (string?)s.Resource["Properties"]!["CidrBlock"])
                .ToHashSet();
            var inline = template.Resources("AWS::EC2::SecurityGroup").SelectMany(g => g.Resource["Properties"]!["SecurityGroupIngress"]?.AsArray() ?? []);
            var separate = template.Resources("AWS::EC2::SecurityGroupIngress").Select(i => i.Resource["Properties"]);
            foreach (var rule in inline.Concat(separate))
            {
                Assert.NotNull(rule);
                Assert.True(rule["CidrIpv6"] is null, $"{template.Name}: ingress from an IPv6 range: {rule.ToJsonString()}");
                Assert.True(rule["CidrIp"] is null || privateSubnets.Contains((string?)rule["CidrIp"]), $"{template.Name}: ingress from a CIDR other than a private subnet: {rule.ToJsonString()}");
            }
        }
    }

    [Fact]
    public void No_security_group_keeps_the_allow_all_outbound_default()
    {
        foreach (var template in fixture.AllTemplates())
        {
            foreach (var (id, group) in template.Resources("AWS::EC2::SecurityGroup"))
            {
                // Without inline egress rules EC2 keeps its default rule allowing all outbound traffic.
                var egress = group["Properties"]!["SecurityGroupEgress"]?.AsArray();
                Assert.True(egress is { Count: > 0 }, $"{template.Name}/{id} has no inline egress rule, so it allows all outbound traffic");
                Assert.DoesNotContain(egress, e => e!["IpProtocol"]!.GetValue<string>() == "-1");
            }
        }
    }

    [Fact]
    public void No_resource_uses_the_default_security_group()
    {
        foreach (var template in fixture.AllTemplates())
        {
            Assert.DoesNotContain("DefaultSecurityGroup", template.Stack.Template, StringComparison.Ordinal);
            foreach (var (id, resource) in template.Resources("AWS::ECS::Service").Concat(template.Resources("AWS::ElasticLoadBalancingV2::LoadBalancer")))
            {
                Assert.True(resource.ToJsonString().Contains("SecurityGroups", StringComparison.Ordinal), $"{template.Name}/{id} has no explicit security group");
            }
        }
    }

    private static List<JsonNode> Ingress(Template template, string groupLogicalId)
    {
        var separate = template.Resources("AWS::EC2::SecurityGroupIngress")
            .Select(i => i.Resource["Properties"]!)
            .Where(p => Template.Target(p["GroupId"]) == groupLogicalId);
        var inline = template.Resource(groupLogicalId)["Properties"]!["SecurityGroupIngress"]?.AsArray().Select(r => r!) ?? [];
        return separate.Concat(inline).ToList();
    }

    private static string GroupOf(Template shared, string output) =>
        Template.Target(shared.Root["Outputs"]![output]!["Value"])!;
}
