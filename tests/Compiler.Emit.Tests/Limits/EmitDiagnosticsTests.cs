using System.Text.Json.Nodes;
using Amazon.CDK;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Limits;

/// <summary>A schema-valid platform.yaml never ends in "internal error": AWS limits are met by construction or reported as TRL4xxx at a line.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class EmitDiagnosticsTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "trilho-emit-diagnostics-" + Guid.NewGuid().ToString("N"));

    // Issue 14: seven teams with ordinary e-mails and phones sharing the database made the database alarms' descriptions
    // 1,100+ characters, and compile failed with "internal error: InvalidOperationException". CloudWatch rejects alarm
    // descriptions over 1024 characters (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
    [Fact]
    public void Seven_teams_sharing_the_database_compile_with_descriptions_CloudWatch_accepts()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", Path.Combine(RepositoryPaths.Root, "tests", "Compiler.Emit.Tests", "Limits", "seven-teams-share-the-database.yaml"), "--out", output], stdout, stderr);

        Assert.True(code == 0, stderr.ToString() + stdout);
        var alarms = Directory.GetFiles(Path.Combine(output, "dev"), "*.template.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["Resources"]!.AsObject().Select(r => (Id: $"{Path.GetFileName(f)}/{r.Key}", Resource: r.Value!)))
            .Where(r => r.Resource["Type"]!.GetValue<string>() is "AWS::CloudWatch::Alarm" or "AWS::CloudWatch::CompositeAlarm")
            .Where(r => r.Resource["Properties"]!["AlarmDescription"] is JsonValue)
            .ToDictionary(r => r.Id, r => r.Resource["Properties"]!["AlarmDescription"]!.GetValue<string>());
        Assert.NotEmpty(alarms);
        Assert.All(alarms, a => Assert.True(a.Value.Length <= 1024, $"{a.Key}: {a.Value.Length} characters"));

        // The contacts give way, not the first step: it is what the person paged acts on.
        var storage = Assert.Single(alarms, a => a.Key.EndsWith("/DatabaseStorageLow", StringComparison.Ordinal)).Value;
        Assert.Contains("\u2026. Primeiro passo: libere espaço agora", storage, StringComparison.Ordinal);
        Assert.EndsWith("o RDS aceita uma mudança de armazenamento a cada 6 horas.", storage, StringComparison.Ordinal);
    }

    // Found by SynthesisFuzzTests: ids at their schema maximum make the team delivery role names 67 and 70 characters;
    // IAM takes 64 (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html). Compile used to succeed and the deploy fail.
    // Reported at the team's id (line 4), the longest written value the names contain (they used to point at the environment, line 8).
    [Fact]
    public void Names_longer_than_AWS_accepts_fail_compile_at_the_line_of_the_longest_id_in_them_and_nothing_is_written()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", Path.Combine(RepositoryPaths.Root, "tests", "Compiler.Emit.Tests", "Limits", "longest-ids-with-delivery.yaml"), "--out", output], stdout, stderr);

        Assert.Equal(1, code);
        var errors = stdout.ToString().Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"longest-ids-with-delivery\.yaml\(4,3\): error TRL4004: stack 'abcdefghijklmnopqrst-abcdefghijkl-delivery' would set RoleName of AWS::IAM::Role '\w+' to (67|70) characters: AWS accepts at most 64", e));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_error_CDK_reports_on_a_construct_is_a_located_diagnostic_naming_stack_and_construct()
    {
        var path = RepositoryPaths.Sample("minimal");
        var frontEnd = FrontEnd.AnalyzeFile(path);

        var result = PlatformSynthesizer.Synthesize(frontEnd.Platform!, new SynthesisOptions { Document = frontEnd.Document, Extensions = [new RejectedConstruct()] });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TRL4001", diagnostic.Id);
        Assert.Matches(@"^AWS CDK could not synthesize stack 'minimal-dev-app-api', construct '/minimal-dev-app-api/Rejected': the bucket name is taken\.", diagnostic.Message);
        Assert.NotNull(diagnostic.Location);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.Equal(File.ReadAllLines(path).ToList().FindIndex(l => l.TrimStart().StartsWith("api:", StringComparison.Ordinal)) + 1, diagnostic.Location.Line);
        Assert.True(result.HasErrors);
        Assert.Empty(result.Environments);
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private sealed class RejectedConstruct : IPlatformExtension
    {
        public void Extend(ExtensionContext context)
        {
            var construct = new Constructs.Construct(context.AppStack("api"), "Rejected");
            Annotations.Of(construct).AddError("the bucket name is taken.");
        }
    }
}
