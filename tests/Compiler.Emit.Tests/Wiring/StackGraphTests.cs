using Amazon.CDK;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Wiring;

/// <summary>The stack graph derives the deploy order from the imports (issue 14), across regions, and refuses a cycle.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class StackGraphTests(SynthesisFixture fixture)
{
    [Fact]
    public void Every_stack_of_every_golden_plan_deploys_after_every_stack_it_imports_from_and_after_the_push_of_its_image()
    {
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var position = plan.Stacks.Select((s, i) => (s.StackName, i)).ToDictionary(p => p.StackName, p => p.i, StringComparer.Ordinal);
            foreach (var stack in plan.Stacks)
            {
                foreach (var (name, value) in stack.Parameters)
                {
                    if (value.FromStack is { } exporter)
                    {
                        Assert.True(position[exporter] < position[stack.StackName], $"{stack.StackName}.{name} imports from {exporter}, deployed after it");
                    }

                    if (value.ImageTagOf is not null)
                    {
                        Assert.True(position[plan.PushImagesAfter!] < position[stack.StackName], $"{stack.StackName} runs an image pushed after it deploys");
                    }
                }
            }

            foreach (var task in plan.Tasks ?? [])
            {
                Assert.All(
                    [task.Cluster, task.TaskDefinition, task.SecurityGroup, task.LogGroup, .. task.Subnets],
                    v => Assert.True(position[v.FromStack!] <= position[task.AfterStack], $"task {task.Name} reads {v.FromStack}, deployed after it runs"));
            }
        }
    }

    [Fact]
    public void Stacks_in_us_east_1_import_from_the_environments_region_and_back()
    {
        var plan = fixture.Plan("desafio-aws", "prod");
        var edge = plan.Stacks.Single(s => s.StackName == "desafio-prod-edge");
        var edgeLogs = plan.Stacks.Single(s => s.StackName == "desafio-prod-edge-logs");
        Assert.Equal(("sa-east-1", "us-east-1"), (edge.Region, edgeLogs.Region));
        Assert.Equal(new ParameterValue(null, "desafio-prod-global", "us-east-1", "CertificateArn", null, null), edge.Parameters.Single(p => p.Key == "CertificateArn").Value);
        Assert.Equal(new ParameterValue(null, "desafio-prod-edge", "sa-east-1", "DistributionId", null, null), edgeLogs.Parameters.Single(p => p.Key == "DistributionId").Value);
    }

    [Fact]
    public void The_deploy_order_follows_the_imports_not_the_order_the_stacks_were_added()
    {
        var graph = NewGraph();
        var reader = graph.Add("shop-dev-reader", "sa-east-1", "reads");
        var writer = graph.Add("shop-dev-writer", Regions.Global, "writes");
        reader.Import("Value", writer.Export("Value", "v", "A value"));

        Assert.Equal(["shop-dev-writer", "shop-dev-reader"], graph.DeployOrder().Select(n => n.StackName));
        Assert.Equal(new ParameterValue(null, "shop-dev-writer", "us-east-1", "Value", null, null), reader.Parameters.Single().Value);
    }

    [Fact]
    public void Stacks_that_import_from_each_other_cannot_be_ordered_and_are_named()
    {
        var graph = NewGraph();
        var first = graph.Add("shop-dev-first", "sa-east-1", "first");
        var second = graph.Add("shop-dev-second", "sa-east-1", "second");
        first.Import("B", second.Export("B", "b", "B"));
        second.Import("A", first.Export("A", "a", "A"));

        var error = Assert.Throws<InvalidOperationException>(graph.DeployOrder);
        Assert.Contains("shop-dev-first", error.Message, StringComparison.Ordinal);
        Assert.Contains("shop-dev-second", error.Message, StringComparison.Ordinal);
    }

    private static StackGraph NewGraph()
    {
        var result = FrontEnd.Analyze("platform.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.GoldenCases, "minimal", "platform.yaml")));
        ResolvedEnvironment environment = result.Platform!.Environments[0];
        return new StackGraph(new App(), environment);
    }
}
