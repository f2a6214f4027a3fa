using Amazon.CDK;
using Amazon.JSII.Runtime;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

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

    /// <summary>The feature flags, for the synthesis cache's key.</summary>
    internal static IReadOnlyDictionary<string, object> FeatureFlagsForCache => FeatureFlags;

    private static readonly Lock Gate = new();

    private static readonly string[] IamCapability = ["CAPABILITY_IAM"];

    /// <summary>
    /// Synthesizes every environment of <paramref name="platform"/> (or the one <paramref name="options"/> names). What CDK
    /// refuses and the AWS quotas the templates would break come back as diagnostics (TRL4xxx), not exceptions.
    /// </summary>
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
            var diagnostics = new List<Diagnostic>();
            var synthesized = environments.Select(e => SynthesizeEnvironment(platform, e, options, diagnostics)).OfType<EnvironmentSynthesis>().ToList();
            return new SynthesisResult(synthesized, DiagnosticOrder.Sort(diagnostics.Distinct()));
        }
    }

    private static EnvironmentSynthesis? SynthesizeEnvironment(ResolvedPlatform platform, ResolvedEnvironment environment, SynthesisOptions options, List<Diagnostic> diagnostics)
    {
        var scratch = options.ScratchDirectory is null
            ? Path.Combine(Path.GetTempPath(), "trilho-cdk-" + Guid.NewGuid().ToString("N"))
            : Path.Combine(options.ScratchDirectory, environment.Name);
        try
        {
            try
            {
                return Build(platform, environment, options, scratch, diagnostics);
            }
            catch (Exception e) when (e is JsiiException || e.GetType() == typeof(Exception))
            {
                // A construct threw inside CDK, e.g. a validation in a constructor: jsii raises JavaScript errors as plain
                // System.Exception (Trilho never throws that type), kernel faults as JsiiException. Reported without the JavaScript stack.
                diagnostics.Add(DiagnosticCatalog.CdkError.Create(Locate(options, environment, null), $"environment '{environment.Name}'", CdkMessage(e.Message)));
                return null;
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static EnvironmentSynthesis? Build(ResolvedPlatform platform, ResolvedEnvironment environment, SynthesisOptions options, string scratch, List<Diagnostic> diagnostics)
    {
        // No tree.json: it describes every construct for CDK tooling, and nothing here reads it.
        var app = StageTrace.Time($"{environment.Name}: new App", () => NewApp(environment, scratch));
        var cache = options.StackCacheDirectory is { } folder && options.Extensions.Count == 0 ? new StackCache(folder, new StackKeys(platform, environment)) : null;
        StackGraph graph;
        try
        {
            graph = StageTrace.Time($"{environment.Name}: build constructs", () => EnvironmentGraph.Build(app, platform, environment, cache, replay: true));
        }
        catch (StaleReplayException e)
        {
            // Never expected (the keys cover what each stack reads), but a stale template must not be written: build all.
            StageTrace.Note($"{environment.Name}: {e.Message}; building every stack");
            app = NewApp(environment, scratch);
            graph = EnvironmentGraph.Build(app, platform, environment, cache, replay: false);
        }

        if (options.Extensions.Count > 0)
        {
            var context = new ExtensionContext(
                environment,
                graph.Stacks.ToDictionary(p => p.StackName, p => p.Stack, StringComparer.Ordinal),
                environment.Apps.ToDictionary(a => a.Id, a => EmitNames.AppStack(environment, a.Id), StringComparer.Ordinal));
            PlatformExtensions.Apply(options.Extensions, context);
        }

        var assembly = StageTrace.Time($"{environment.Name}: synth", () => app.Synth());

        var errors = diagnostics.Count;
        var warnings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var artifact in assembly.Stacks)
        {
            var stackWarnings = warnings[artifact.StackName] = [];
            foreach (var message in artifact.Messages)
            {
                if (message.Level.ToString() == "ERROR")
                {
                    diagnostics.Add(DiagnosticCatalog.CdkError.Create(
                        Locate(options, environment, artifact.StackName), $"stack '{artifact.StackName}', construct '{message.Id}'", CdkMessage($"{message.Entry.Data}")));
                }
                else
                {
                    stackWarnings.Add($"{artifact.StackName}{message.Id}: {message.Entry.Data}");
                }
            }
        }

        if (diagnostics.Count > errors)
        {
            return null;
        }

        var stacks = StageTrace.Time($"{environment.Name}: read templates", () => graph.DeployOrder().Select(p =>
        {
            if (p.Replayed is { } stored)
            {
                warnings[p.StackName] = [.. stored.Warnings];
                return new StackTemplate(p.StackName, p.Region, p.StackName + ".template.json", stored.Template, stored.Capabilities, p.Parameters);
            }

            var artifact = assembly.GetStackByName(p.StackName);
            var template = TemplateJson.Normalize(File.ReadAllText(artifact.TemplateFullPath));
            var capabilities = p.RequiredCapabilities.Count > 0
                ? p.RequiredCapabilities
                : TemplateJson.ResourceTypes(template).Any(t => t.StartsWith("AWS::IAM::", StringComparison.Ordinal)) ? IamCapability : [];
            return new StackTemplate(p.StackName, p.Region, p.StackName + ".template.json", template, capabilities, p.Parameters);
        }).ToList());

        var written = new WrittenValues(options.Document, environment);
        foreach (var stack in stacks)
        {
            diagnostics.AddRange(TemplateLimits.Check(stack, Locate(options, environment, stack.StackName), written.In));
        }

        // Like the environment entries, stacks are stored only from an environment that compiles: a failed compile writes nothing.
        if (cache is not null && !diagnostics.Skip(errors).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Store(cache, graph, stacks, warnings);
            StageTrace.Note($"{environment.Name}: {graph.Stacks.Count(n => n.Replayed is not null)} of {graph.Stacks.Count} stacks replayed from the cache");
        }

        var plan = new DeployPlan(environment.Platform, environment.Name, environment.Account, stacks, graph.Images, graph.PushImagesAfter, graph.Tasks)
        {
            AcknowledgedReplacements = environment.AcknowledgedReplacements,
        };
        return new EnvironmentSynthesis(environment.Name, plan, warnings.Values.SelectMany(w => w).Order(StringComparer.Ordinal).ToList())
        {
            ReplayedStacks = graph.Stacks.Where(s => s.Replayed is not null).Select(s => s.StackName).ToList(),
        };
    }

    private static App NewApp(ResolvedEnvironment environment, string scratch)
    {
        var app = new App(new AppProps { Outdir = scratch, Context = FeatureFlags, TreeMetadata = false });
        Tags.Of(app).Add("trilho:platform", environment.Platform);
        Tags.Of(app).Add("trilho:environment", environment.Name);
        return app;
    }

    // Stores the stacks built this time, with what the graph knows of them, for the next synthesis to replay.
    private static void Store(StackCache cache, StackGraph graph, IReadOnlyList<StackTemplate> stacks, Dictionary<string, List<string>> warnings)
    {
        foreach (var node in graph.Stacks.Where(n => n.CacheKey is not null))
        {
            var template = stacks.Single(s => s.StackName == node.StackName);
            cache.Store(node.CacheKey!, new StackEntry(
                node.StackName,
                node.Region,
                template.Template,
                template.Capabilities,
                node.Parameters,
                [.. node.Imported.Select(o => new StoredOutput(o.Exporter.StackName, o.Name, o.Description))],
                [.. node.ImportsFrom.Select(n => n.StackName)],
                [.. node.Exports.Select(o => new StoredOutput(node.StackName, o.Name, o.Description))],
                [.. graph.Images.Where(i => i.Stack == node.StackName)],
                [.. graph.Tasks.Where(t => t.AfterStack == node.StackName)],
                node.Values,
                warnings.TryGetValue(node.StackName, out var stackWarnings) ? stackWarnings : []));
        }

        cache.Prune();
    }

    // An app's stacks (app, monitoring, edge monitoring) end in -app-<id>: their problems point at the app; the others at the environment.
    private static SourceLocation? Locate(SynthesisOptions options, ResolvedEnvironment environment, string? stackName)
    {
        var app = stackName is null ? null : environment.Apps.FirstOrDefault(a => stackName.EndsWith("-app-" + a.Id, StringComparison.Ordinal));
        var pointer = app is null ? JsonPointers.Of("environments", environment.Name) : JsonPointers.Of("apps", app.Id);
        return options.Document?.LocationOf(pointer, preferKey: true);
    }

    // One line for a canonical diagnostic: the message without the JavaScript stack jsii appends.
    private static string CdkMessage(string message)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeWhile(l => !l.StartsWith("at ", StringComparison.Ordinal));
        return string.Join(" ", lines);
    }
}
