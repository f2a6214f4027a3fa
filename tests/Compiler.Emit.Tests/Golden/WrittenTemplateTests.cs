using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Golden;

/// <summary>
/// Templates on disk are minified (issue 12, defect 6: the prod shared template used 49,091 of the 51,200 bytes
/// CloudFormation accepts without an upload bucket), they are the same JSON as the reviewed approved copies, and
/// the deploy plan states the size of the file actually written.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class WrittenTemplateTests(SynthesisFixture fixture) : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "trilho-written-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenTests.CaseNames), MemberType = typeof(GoldenTests))]
    public void Written_templates_are_minified_and_parse_to_the_approved_template(string caseName)
    {
        var files = OutputWriter.Write(fixture.Cases[caseName], output).Where(f => f.EndsWith(".template.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var written = File.ReadAllText(file);
            Assert.True(written == ReviewLayout.Minify(written), $"{file} has whitespace between JSON tokens");
            var approved = Path.Combine(RepositoryPaths.GoldenCases, caseName, "approved", Path.GetRelativePath(output, file));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(File.ReadAllText(approved))), $"{file} is not the JSON of {approved}");
        }
    }

    [Theory]
    [MemberData(nameof(GoldenTests.CaseNames), MemberType = typeof(GoldenTests))]
    public void The_plan_states_the_size_of_each_written_template_and_whether_it_needs_an_upload_bucket(string caseName)
    {
        OutputWriter.Write(fixture.Cases[caseName], output);
        foreach (var planFile in Directory.EnumerateFiles(output, OutputWriter.PlanFileName, SearchOption.AllDirectories))
        {
            foreach (var step in JsonNode.Parse(File.ReadAllText(planFile))!["steps"]!.AsArray().Where(s => s!["step"]!.GetValue<string>() == "deployStack"))
            {
                var bytes = new FileInfo(Path.Combine(Path.GetDirectoryName(planFile)!, step!["template"]!.GetValue<string>())).Length;
                Assert.Equal(bytes, step["templateBytes"]!.GetValue<long>());
                Assert.Equal(bytes > StackTemplate.InlineTemplateLimit, step["needsS3Upload"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public void The_prod_shared_template_of_the_sample_leaves_room_for_more_apps_without_an_upload_bucket()
    {
        var shared = fixture.Desafio.Environments.Single(e => e.Environment == "prod").Plan.Stacks.Single(s => s.StackName == "desafio-prod-shared");
        // Each api app adds its image repository and its route (target group and listener rule, which the platform owns:
        // ADR 0008) with their outputs to this stack, about 2.3 KB written compact. The sample has one api app; what
        // the stack holds for it, measured, must fit at least 5 more times before the inline limit.
        var template = JsonNode.Parse(shared.Template)!.AsObject();
        var perApp = template["Resources"]!.AsObject().Concat(template["Outputs"]!.AsObject())
            .Where(r => r.Key.StartsWith("ImagesBackend", StringComparison.Ordinal) || r.Key.StartsWith("RouteBackend", StringComparison.Ordinal) || r.Key.StartsWith("Backend", StringComparison.Ordinal))
            .Sum(r => r.Key.Length + r.Value!.ToJsonString().Length);
        Assert.InRange(perApp, 1500, 4000);
        Assert.True(shared.TemplateBytes + (5 * perApp) < StackTemplate.InlineTemplateLimit, $"{shared.StackName} is {shared.TemplateBytes} bytes and {perApp} more per api app");
    }
}
