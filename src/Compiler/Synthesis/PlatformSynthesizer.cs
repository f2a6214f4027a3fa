using Amazon.CDK;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Turns a resolved platform into CloudFormation templates and deploy plans, in memory. One CDK <see cref="App"/> per
/// environment, all in this process, so Node.js (jsii) starts once. CDK is not thread-safe: calls are serialized.
/// </summary>
public static class PlatformSynthesizer
{
    // Explicit feature flags: the defaults of a new CDK project, only where they change what Trilho emits.
    private static readonly Dictionary<string, object> FeatureFlags = new(StringComparer.Ordinal)
    {
        // Autoscaling owns the desired count; a deploy must not reset it to a fixed number.
        ["@aws-cdk/aws-ecs:removeDefaultDesiredCount"] = true,
        ["@aws-cdk/aws-ecs:arnFormatIncludesClusterName"] = true,
        ["@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker"] = true,
        ["@aws-cdk/aws-iam:minimizePolicies"] = true,
        ["@aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021"] = true,
        ["@aws-cdk/aws-ec2:restrictDefaultSecurityGroup"] = false,
    };

    private static readonly Lock Gate = new();

    private static readonly string[] IamCapability = ["CAPABILITY_IAM"];

    /// <summary>Synthesizes every environment of <paramref name="platform"/> (or the one <paramref name="options"/> names).</summary>
    public static SynthesisResult Synthesize(ResolvedPlatform platform, SynthesisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        options ??= new SynthesisOptions();
        var environments = platform.Environments
            .Where(e => options.Environment is null || e.Name == options.Environment)
            .ToList();
        if (options.Environment is not null && environments.Count == 0)
        {
            throw new ArgumentException($"no environment named '{options.Environment}'", nameof(options));
        }

        lock (Gate)
        {
            return new SynthesisResult(environments.Select(e => SynthesizeEnvironment(platform, e, options)).ToList());
        }
    }

    private static EnvironmentSynthesis SynthesizeEnvironment(ResolvedPlatform platform, ResolvedEnvironment environment, SynthesisOptions options)
    {
        var scratch = options.ScratchDirectory is null
            ? Path.Combine(Path.GetTempPath(), "trilho-cdk-" + Guid.NewGuid().ToString("N"))
            : Path.Combine(options.ScratchDirectory, environment.Name);
        try
        {
            // No tree.json: it describes every construct for CDK tooling, and nothing here reads it.
            var app = StageTrace.Time($"{environment.Name}: new App", () => new App(new AppProps { Outdir = scratch, Context = FeatureFlags, TreeMetadata = false }));
            Tags.Of(app).Add("trilho:platform", environment.Platform);
            Tags.Of(app).Add("trilho:environment", environment.Name);
            var (planned, images, pushAfter, tasks) = StageTrace.Time($"{environment.Name}: build constructs", () => EnvironmentAssembler.Assemble(app, platform, environment));
            if (options.Extensions.Count > 0)
            {
                var context = new ExtensionContext(
                    environment,
                    planned.ToDictionary(p => p.StackName, p => p.Stack, StringComparer.Ordinal),
                    environment.Apps.ToDictionary(a => a.Id, a => EmitNames.AppStack(environment, a.Id), StringComparer.Ordinal));
                PlatformExtensions.Apply(options.Extensions, context);
            }

            var assembly = StageTrace.Time($"{environment.Name}: synth", () => app.Synth());

            var errors = new List<string>();
            var warnings = new List<string>();
            foreach (var artifact in assembly.Stacks)
            {
                foreach (var message in artifact.Messages)
                {
                    var text = $"{artifact.StackName}{message.Id}: {message.Entry.Data}";
                    (message.Level.ToString() == "ERROR" ? errors : warnings).Add(text);
                }
            }

            if (errors.Count > 0)
            {
                throw new InvalidOperationException("CDK reported errors: " + string.Join("; ", errors));
            }

            var stacks = StageTrace.Time($"{environment.Name}: read templates", () => planned.Select(p =>
            {
                var artifact = assembly.GetStackByName(p.StackName);
                var template = TemplateJson.Normalize(File.ReadAllText(artifact.TemplateFullPath));
                var capabilities = p.RequiredCapabilities.Count > 0
                    ? p.RequiredCapabilities
                    : TemplateJson.ResourceTypes(template).Any(t => t.StartsWith("AWS::IAM::", StringComparison.Ordinal)) ? IamCapability : [];
                return new StackTemplate(p.StackName, p.Region, p.StackName + ".template.json", template, capabilities, p.Parameters);
            }).ToList());

            var plan = new DeployPlan(environment.Platform, environment.Name, environment.Account, stacks, images, pushAfter, tasks);
            return new EnvironmentSynthesis(environment.Name, plan, warnings.Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
