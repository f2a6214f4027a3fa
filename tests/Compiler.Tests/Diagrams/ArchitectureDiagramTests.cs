using System.Text.Json.Nodes;
using Trilho.Compiler.Diagrams;

namespace Trilho.Compiler.Tests.Diagrams;

public class ArchitectureDiagramTests
{
    private static readonly string FakeEnvironment = Repository.PathOf("tests", "Compiler.Tests", "Diagrams", "fake-env");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Compiler.Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_plan_and_its_templates_render_as_the_expected_mermaid() =>
        Assert.Equal(
            File.ReadAllText(Path.Combine(FakeEnvironment, "expected.mmd")),
            ArchitectureDiagram.Render(CompiledEnvironment.Load(FakeEnvironment)));

    [Fact]
    public void The_request_path_follows_parameters_into_the_stack_whose_output_fills_them()
    {
        var environment = CompiledEnvironment.Load(FakeEnvironment);
        var edge = environment.Stack("shop-dev-edge")!;
        var origin = edge.Resource("Origin")!["Properties"]!["VpcOriginEndpointConfig"]!["Arn"];

        var target = new ReferenceResolver(environment).Resolve(edge, origin);

        Assert.Equal(("shop-dev-shared", "Alb"), (target?.Stack.Name, target?.LogicalId));
    }

    [Fact]
    public void A_parameter_the_plan_does_not_wire_from_a_stack_resolves_to_nothing()
    {
        var environment = CompiledEnvironment.Load(FakeEnvironment);
        var api = environment.Stack("shop-dev-app-api")!;

        Assert.Null(new ReferenceResolver(environment).Resolve(api, JsonNode.Parse("""{ "Ref": "ImageTag" }""")));
    }

    [Fact]
    public void A_database_without_an_ingress_rule_from_the_service_gets_no_arrow_from_it()
    {
        var directory = Directory.CreateTempSubdirectory("trilho-diagram-");
        try
        {
            foreach (var file in Directory.GetFiles(FakeEnvironment))
            {
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            }

            var shared = Path.Combine(directory.FullName, "shared.template.json");
            var template = JsonNode.Parse(File.ReadAllText(shared))!;
            template["Resources"]!.AsObject().Remove("DbFromApi");
            File.WriteAllText(shared, template.ToJsonString());

            var diagram = ArchitectureDiagram.Render(CompiledEnvironment.Load(directory.FullName));

            Assert.DoesNotContain("-->|\"tcp :5432\"|", diagram, StringComparison.Ordinal);
            Assert.Contains("s1_internal_alb -->|\"/api /api/*\"| s2_ecs_fargate_service", diagram, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Diagram_command_prints_the_rendered_flowchart() =>
        Assert.Equal((0, File.ReadAllText(Path.Combine(FakeEnvironment, "expected.mmd")).Replace("\n", Environment.NewLine, StringComparison.Ordinal), string.Empty), Run("diagram", FakeEnvironment));

    [Fact]
    public void Diagram_of_a_folder_without_a_plan_exits_2_and_says_to_compile() =>
        Assert.Equal((2, true), (Run("diagram", "/nonexistent").Code, Run("diagram", "/nonexistent").Err.Contains("trilho compile", StringComparison.Ordinal)));
}
