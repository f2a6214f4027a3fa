using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>Plain, deterministic CloudFormation (issue 3, item 2).</summary>
[Collection(SynthesisGroup.Name)]
public sealed class OutputContractTests(SynthesisFixture fixture)
{
    private static readonly string[] Forbidden = ["BootstrapVersion", "CheckBootstrapVersion", "Custom::", "AWS::CloudFormation::CustomResource", "aws:asset:", "cdk-hnb659fds", "AssetParameters", "CDKMetadata", "aws:cdk:path", "AWS::Lambda::Function"];

    [Fact]
    public void Templates_contain_no_assets_custom_resources_or_bootstrap()
    {
        var templates = fixture.AllTemplates().ToList();
        Assert.True(templates.Count >= 10);
        foreach (var template in templates)
        {
            foreach (var text in Forbidden)
            {
                Assert.False(template.Stack.Template.Contains(text, StringComparison.Ordinal), $"{template.Name} contains '{text}'");
            }

            Assert.Null(template.Root["Metadata"]);
            Assert.All(template.ResourcesSection, r => Assert.Null(r.Value!["Metadata"]));
        }
    }

    [Fact]
    public void Same_input_gives_byte_identical_output()
    {
        // A second, independent App; the golden tests compare against files another process wrote.
        var again = SynthesisFixture.Synthesize(RepositoryPaths.Sample("desafio-aws"));
        var first = Files(fixture.Desafio);
        var second = Files(again);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Environment, second[i].Environment);
            Assert.Equal(first[i].FileName, second[i].FileName);
            Assert.True(first[i].Template == second[i].Template, $"{first[i].Environment}/{first[i].FileName} differs between two syntheses");
        }
    }

    private static List<(string Environment, string FileName, string Template)> Files(SynthesisResult result) =>
        result.Environments
            .SelectMany(e => e.Plan.Stacks.Select(s => (e.Environment, s.FileName, s.Template)).Append((e.Environment, OutputWriter.PlanFileName, DeployPlanJson.Write(e.Plan))))
            .ToList();

    [Fact]
    public void Every_template_deploys_only_into_its_environment_account()
    {
        foreach (var (environment, account) in new[] { ("dev", "111111111111"), ("prod", "222222222222") })
        {
            foreach (var stack in fixture.Plan("desafio-aws", environment).Stacks)
            {
                var assertion = JsonNode.Parse(stack.Template)!["Rules"]!["TargetAccount"]!["Assertions"]![0]!["Assert"]!["Fn::Equals"]!;
                Assert.Equal("AWS::AccountId", assertion[0]!["Ref"]!.GetValue<string>());
                Assert.Equal(account, assertion[1]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void Logical_ids_derive_from_names_in_platform_yaml()
    {
        var backend = fixture.Stack("desafio-aws", "dev", "app-backend");
        Assert.All(backend.ResourcesSection, r => Assert.StartsWith("Backend", r.Key, StringComparison.Ordinal));
        Assert.All(fixture.Stack("two-apis-firewall-no-domain", "dev", "app-orders").ResourcesSection, r => Assert.StartsWith("Orders", r.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesis_reports_no_CDK_warnings()
    {
        foreach (var (name, result) in fixture.Cases)
        {
            foreach (var environment in result.Environments)
            {
                Assert.True(environment.Warnings.Count == 0, $"{name}/{environment.Environment}: " + string.Join("\n", environment.Warnings));
            }
        }
    }
}
