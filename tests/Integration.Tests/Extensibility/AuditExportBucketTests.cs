using System.Text.Json;
using Amazon.CDK;
using Desafio.Extensions;
using Trilho.Compiler;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;
using Trilho.Integration.Tests.Infrastructure;

namespace Trilho.Integration.Tests.Extensibility;

/// <summary>The samples/extension extension, run on stacks the way synthesis runs it, and its synthesized template.</summary>
public sealed class AuditExportBucketTests : IDisposable
{
    private readonly string _outdir = Directory.CreateTempSubdirectory("trilho-ext-").FullName;

    public void Dispose() => Directory.Delete(_outdir, recursive: true);

    [Theory]
    [InlineData("dev", 30)]
    [InlineData("prod", 365)]
    public void Adds_a_private_encrypted_versioned_bucket_to_the_backend_stack(string environmentName, int expirationDays)
    {
        var environment = DesafioEnvironment(environmentName);
        var app = new App(new AppProps { Outdir = _outdir });
        var stacks = new[] { "network", "backend", "frontend" }
            .Select(name => new Stack(app, $"{environment.StackPrefix}-{name}", new StackProps { StackName = $"{environment.StackPrefix}-{name}" }))
            .ToDictionary(s => s.StackName);
        var context = new ExtensionContext(environment, stacks, new Dictionary<string, string>
        {
            ["backend"] = $"{environment.StackPrefix}-backend",
            ["frontend"] = $"{environment.StackPrefix}-frontend",
        });

        PlatformExtensions.Apply([new AuditExportBucket()], context);
        var assembly = app.Synth();

        using var backend = Template(assembly.GetStackByName($"{environment.StackPrefix}-backend").TemplateFullPath);
        var bucket = Assert.Single(Resources(backend, "AWS::S3::Bucket"));
        Assert.StartsWith(AuditExportBucket.ConstructId, bucket.Name, StringComparison.Ordinal);
        var properties = bucket.Value.GetProperty("Properties");
        Assert.Equal("Enabled", properties.GetProperty("VersioningConfiguration").GetProperty("Status").GetString());
        Assert.True(properties.GetProperty("PublicAccessBlockConfiguration").GetProperty("RestrictPublicBuckets").GetBoolean());
        Assert.Equal("AES256", properties.GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0]
            .GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal(expirationDays, properties.GetProperty("LifecycleConfiguration").GetProperty("Rules")[0].GetProperty("ExpirationInDays").GetInt32());
        Assert.Contains(properties.GetProperty("Tags").EnumerateArray(), t =>
            t.GetProperty("Key").GetString() == "cost-center" && t.GetProperty("Value").GetString() == "desafio-" + environmentName);

        using var frontend = Template(assembly.GetStackByName($"{environment.StackPrefix}-frontend").TemplateFullPath);
        Assert.Empty(Resources(frontend, "AWS::S3::Bucket"));
    }

    [Fact]
    public void Synthesis_applies_the_extension_to_the_environments_stacks_before_writing_the_templates()
    {
        var platform = FrontEnd.AnalyzeFile(Repository.Path("samples/desafio-aws/platform.yaml")).Platform!;

        var result = PlatformSynthesizer.Synthesize(platform, new SynthesisOptions { Environment = "dev", Extensions = [new AuditExportBucket()] });

        var stacks = Assert.Single(result.Environments).Plan.Stacks;
        using var backend = JsonDocument.Parse(stacks.Single(s => s.StackName == "desafio-dev-app-backend").Template);
        var bucket = Assert.Single(Resources(backend, "AWS::S3::Bucket"));
        Assert.StartsWith(AuditExportBucket.ConstructId, bucket.Name, StringComparison.Ordinal);
        // Every stack Trilho planned, monitoring and delivery included, reached the extension.
        Assert.Equal(12, stacks.Count);
        Assert.All(stacks, stack => Assert.Contains("\"cost-center\"", stack.Template, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_app_names_the_apps_that_exist()
    {
        var context = new ExtensionContext(DesafioEnvironment("dev"), new Dictionary<string, Stack>(), new Dictionary<string, string>());

        var failure = Assert.Throws<PlatformExtensionException>(() => PlatformExtensions.Apply([new AuditExportBucket()], context));

        Assert.Equal(typeof(AuditExportBucket).FullName, failure.Extension);
        Assert.IsType<KeyNotFoundException>(failure.InnerException);
        Assert.Contains("no app 'backend' in environment 'dev'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_stack_must_be_one_of_the_stacks()
    {
        Assert.Throws<ArgumentException>(() => new ExtensionContext(
            DesafioEnvironment("dev"), new Dictionary<string, Stack>(), new Dictionary<string, string> { ["backend"] = "missing" }));
    }

    private static ResolvedEnvironment DesafioEnvironment(string name)
    {
        var result = FrontEnd.AnalyzeFile(Repository.Path("samples/desafio-aws/platform.yaml"));
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics.Select(d => d.ToCanonicalString())));
        return result.Platform!.Environments.Single(e => e.Name == name);
    }

    private static JsonDocument Template(string path) => JsonDocument.Parse(File.ReadAllText(path));

    private static IEnumerable<JsonProperty> Resources(JsonDocument template, string type) =>
        template.RootElement.TryGetProperty("Resources", out var resources)
            ? resources.EnumerateObject().Where(r => r.Value.GetProperty("Type").GetString() == type)
            : [];
}
