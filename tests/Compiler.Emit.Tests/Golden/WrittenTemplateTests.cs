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
        // Each api app adds an image repository (about 1 KB indented) to this stack; a third of the limit free
        // leaves room for many. The indented form it replaces was 49,091 bytes.
        Assert.True(shared.TemplateBytes < StackTemplate.InlineTemplateLimit * 2 / 3, $"{shared.StackName} is {shared.TemplateBytes} bytes");
    }
}
