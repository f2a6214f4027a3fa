using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>The deploy plan lets CI deploy with <c>aws cloudformation deploy</c> alone, first deploy included (issue 3, items 1 and 3).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class DeployPlanTests(SynthesisFixture fixture)
{
    [Fact]
    public void Stacks_deploy_global_then_shared_then_apps_then_edge_then_edge_logs_then_monitoring_then_delivery()
    {
        var plan = fixture.Plan("desafio-aws", "prod");
        Assert.Equal(
            ["desafio-prod-global", "desafio-prod-shared", "desafio-prod-app-backend", "desafio-prod-app-frontend", "desafio-prod-edge", "desafio-prod-edge-logs", "desafio-prod-monitoring-edge", "desafio-prod-monitoring-edge-app-backend", "desafio-prod-monitoring-edge-app-frontend", "desafio-prod-monitoring", "desafio-prod-monitoring-app-backend", "desafio-prod-delivery"],
            plan.Stacks.Select(s => s.StackName));
        Assert.Equal(["us-east-1", "sa-east-1", "sa-east-1", "sa-east-1", "sa-east-1", "us-east-1", "us-east-1", "us-east-1", "us-east-1", "sa-east-1", "sa-east-1", "sa-east-1"], plan.Stacks.Select(s => s.Region));
    }

    [Fact]
    public void Images_are_pushed_after_the_shared_stack_and_before_the_app_stacks()
    {
        var json = JsonNode.Parse(DeployPlanJson.Write(fixture.Plan("desafio-aws", "dev")))!;
        var steps = json["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>() + ":" + (s["stack"]?.GetValue<string>() ?? string.Empty)).ToList();
        Assert.Equal(["deployStack:desafio-dev-global", "deployStack:desafio-dev-shared", "runTask:", "pushImages:", "deployStack:desafio-dev-app-backend", "deployStack:desafio-dev-app-frontend", "deployStack:desafio-dev-edge", "deployStack:desafio-dev-edge-logs", "deployStack:desafio-dev-monitoring-edge", "deployStack:desafio-dev-monitoring-edge-app-backend", "deployStack:desafio-dev-monitoring-edge-app-frontend", "deployStack:desafio-dev-monitoring", "deployStack:desafio-dev-monitoring-app-backend", "deployStack:desafio-dev-delivery"], steps);

        var image = json["steps"]![3]!["images"]![0]!;
        Assert.Equal("backend", image["app"]!.GetValue<string>());
        Assert.Equal("BackendRepositoryUri", image["repositoryUri"]!["output"]!.GetValue<string>());
        Assert.Equal("ImageTag", image["tagParameter"]!["parameter"]!.GetValue<string>());
        Assert.Equal("backend", json["steps"]![4]!["parameters"]!["ImageTag"]!["imageTag"]!.GetValue<string>());
    }

    [Fact]
    public void Every_parameter_comes_from_a_literal_the_image_tag_or_an_output_of_an_earlier_stack()
    {
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var deployed = new Dictionary<string, StackTemplate>(StringComparer.Ordinal);
            foreach (var stack in plan.Stacks)
            {
                var template = Template.Of(stack);
                // A parameter the plan leaves out takes its template default (CDK's SSM image parameter of a NAT instance).
                var planned = stack.Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                Assert.Subset(template.ParameterNames.ToHashSet(StringComparer.Ordinal), planned);
                Assert.All(template.ParameterNames.Where(n => !planned.Contains(n)), n => Assert.NotNull(template.Root["Parameters"]![n]!["Default"]));
                foreach (var (name, value) in stack.Parameters)
                {
                    if (value.FromStack is { } source)
                    {
                        Assert.True(deployed.TryGetValue(source, out var earlier), $"{stack.StackName}.{name} reads {source}, which is not deployed before it");
                        Assert.Equal(earlier.Region, value.FromRegion);
                        Assert.Contains(value.Output!, Template.Of(earlier).OutputNames);
                    }
                    else
                    {
                        Assert.True(value.Value is not null || value.ImageTagOf is not null, $"{stack.StackName}.{name} has no source");
                    }
                }

                deployed[stack.StackName] = stack;
            }
        }
    }

    [Fact]
    public void Every_template_fits_what_aws_cloudformation_deploy_accepts_without_an_S3_bucket_or_its_step_says_it_needs_one()
    {
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var steps = JsonNode.Parse(DeployPlanJson.Write(plan))!["steps"]!.AsArray().Where(s => s!["step"]!.GetValue<string>() == "deployStack").ToList();
            foreach (var stack in plan.Stacks)
            {
                var step = steps.Single(s => s!["stack"]!.GetValue<string>() == stack.StackName)!;
                var bytes = System.Text.Encoding.UTF8.GetByteCount(stack.Template);
                Assert.Equal(bytes, step["templateBytes"]!.GetValue<int>());
                Assert.Equal(bytes > 51_200, step["needsS3Upload"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public void Monitoring_stacks_of_every_golden_case_deploy_without_an_S3_bucket()
    {
        var monitoring = fixture.Cases.Values.SelectMany(r => r.Environments).SelectMany(e => e.Plan.Stacks)
            .Where(s => s.StackName.Contains("-monitoring", StringComparison.Ordinal))
            .ToList();

        // The case with two api apps is the one whose single regional stack used to be 56 KB.
        Assert.Contains(monitoring, s => s.StackName == "shop-dev-monitoring-app-reports");
        Assert.All(monitoring, s => Assert.True(s.TemplateBytes <= 51_200, $"{s.StackName} is {s.TemplateBytes} bytes"));
    }

    [Fact]
    public void Stacks_with_IAM_resources_declare_CAPABILITY_IAM_or_CAPABILITY_NAMED_IAM()
    {
        foreach (var stack in fixture.Cases.Values.SelectMany(r => r.Environments).SelectMany(e => e.Plan.Stacks))
        {
            var hasIam = Template.Of(stack).ResourcesSection.Any(r => r.Value!["Type"]!.GetValue<string>().StartsWith("AWS::IAM::", StringComparison.Ordinal));
            Assert.Equal(hasIam, stack.Capabilities.Contains("CAPABILITY_IAM") || stack.Capabilities.Contains("CAPABILITY_NAMED_IAM"));
        }
    }

    [Fact]
    public void Delivery_stack_is_the_last_step_and_only_when_delivery_is_set()
    {
        var withDelivery = 0;
        foreach (var (caseName, result) in fixture.Cases)
        {
            var platform = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, caseName, "platform.yaml")).Platform!;
            foreach (var plan in result.Environments.Select(e => e.Plan))
            {
                var delivery = plan.Stacks.Where(s => s.StackName == $"{plan.Platform}-{plan.Environment}-delivery").ToList();
                if (platform.Delivery is null)
                {
                    Assert.Empty(delivery);
                    continue;
                }

                withDelivery++;
                Assert.Same(Assert.Single(delivery), plan.Stacks[^1]);
                Assert.Equal(["CAPABILITY_NAMED_IAM"], delivery[0].Capabilities);
            }
        }

        Assert.True(withDelivery >= 2, "no golden case sets delivery");
    }
}
