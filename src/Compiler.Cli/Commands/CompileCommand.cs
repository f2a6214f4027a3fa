using System.CommandLine;
using System.Diagnostics;
using System.Runtime.Loader;
using Trilho.Compiler.Cli.Extensions;
using Trilho.Compiler.Costs;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Synthesis;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>
/// <c>trilho compile</c>: platform.yaml to templates, deploy plan and cost estimate per environment. The MSBuild task
/// (src/Compiler.MSBuild/TrilhoCompile.cs) runs it as <c>compile &lt;file&gt; --out &lt;dir&gt; [--env &lt;name&gt;]</c>
/// <c>[--extension &lt;assembly.dll&gt;]...</c> and reads its canonical diagnostics and "trilho: " summary lines.
/// </summary>
internal sealed class CompileCommand : TrilhoCommand
{
    private const string SilenceNodeBannerVariable = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";

    // jsii's deprecation mode: warn (default) | fail | quiet.
    private const string DeprecationsVariable = "JSII_DEPRECATED";

    private readonly Argument<string> _file = new("platform.yaml") { Description = "The platform file to compile." };

    private readonly Option<string> _out = new("--out")
    {
        Description = "Folder to write into: <dir>/<env>/<stack>.template.json, deploy-plan.json and cost-estimate.json|md.",
        HelpName = "dir",
        Required = true,
    };

    private readonly Option<string?> _env = new("--env")
    {
        Description = "Compile only this environment (default: every environment).",
        HelpName = "name",
    };

    private readonly Option<string[]> _extension = new("--extension")
    {
        Description = "Apply the IPlatformExtension classes of this assembly to every environment's stacks (repeatable; in the order given).",
        HelpName = "assembly.dll",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<int> _workers = new("--workers")
    {
        Description = "Compile the environments in up to n processes of their own, each starting its own Node.js (default 1: one process; on 2 cores workers cost more than they save, see docs/performance.md). Output is identical either way.",
        HelpName = "n",
        DefaultValueFactory = _ => EnvironmentWorkers.Default,
    };

    private readonly Option<string?> _cache = new("--cache")
    {
        Description = "Folder of the synthesis cache (default: <out>/" + DefaultCacheFolder + "). When nothing the output depends on changed, the stored output is written without starting Node.js.",
        HelpName = "dir",
    };

    private readonly Option<bool> _noCache = new("--no-cache")
    {
        Description = "Neither read nor fill the synthesis cache: synthesize with CDK every time.",
    };

    /// <summary>The cache folder under --out when --cache is not given.</summary>
    public const string DefaultCacheFolder = ".trilho-cache";

    // Inside the cache folder: the app stacks of environments that were synthesized again.
    private const string StackCacheFolder = "stacks";

    public CompileCommand()
        : base("compile", "Compile platform.yaml into CloudFormation templates, a deploy plan and a cost estimate per environment, and print each environment's cost summary. Needs Node.js 20 or later on PATH (AWS CDK runs on it).")
    {
        Add(_file);
        Add(_out);
        Add(_env);
        Add(_extension);
        Add(_workers);
        Add(_cache);
        Add(_noCache);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        var (file, output, environment) = (result.GetRequiredValue(_file), result.GetRequiredValue(_out), result.GetValue(_env));
        if (!File.Exists(file))
        {
            return CommandOutput.FileNotFound(file, stderr);
        }

        var analysis = FrontEnd.AnalyzeFile(file);
        CommandOutput.Print(analysis.Diagnostics, stdout);
        if (analysis.HasErrors || analysis.Platform is null)
        {
            return 1;
        }

        if (environment is not null && analysis.Platform.Environments.All(e => e.Name != environment))
        {
            stderr.WriteLine($"trilho: error: no environment named '{environment}' in {file}");
            return 2;
        }

        // In canonical form (trilho: error TRL9003: ...) so MSBuild reports it under its own code, not TRL9001.
        if (NodeRequirement.Problem(Environment.GetEnvironmentVariable("PATH")) is { } node)
        {
            CommandOutput.Print([node], stdout);
            return 2;
        }

        // jsii prints a many-line end-of-life banner on stderr under Node 20, which CI logs would carry on every
        // compile; Node 20 works with CDK 2.160, and docs/msbuild.md asks for Node 22 where it can be had.
        if (Environment.GetEnvironmentVariable(SilenceNodeBannerVariable) is null)
        {
            Environment.SetEnvironmentVariable(SilenceNodeBannerVariable, "20");
        }

        // CDK's own NAT instance provider passes the deprecated InstanceProps.keyName (unset) to its Instance, and jsii
        // would warn about it on every compile of an economy environment: a message the user cannot act on.
        if (Environment.GetEnvironmentVariable(DeprecationsVariable) is null)
        {
            Environment.SetEnvironmentVariable(DeprecationsVariable, "quiet");
        }

        var workers = result.GetValue(_workers);
        if (workers < 1)
        {
            stderr.WriteLine($"trilho: error: --workers must be 1 or more, not {workers}");
            return 2;
        }

        var extensions = result.GetValue(_extension) ?? [];
        if (workers > 1 && environment is null && analysis.Platform.Environments.Count > 1)
        {
            var printed = analysis.Diagnostics.Select(d => d.ToCanonicalString()).ToHashSet(StringComparer.Ordinal);
            return EnvironmentWorkers.Run(file, output, [.. analysis.Platform.Environments.Select(e => e.Name)], extensions, workers, printed, stdout);
        }

        var cache = result.GetValue(_noCache) ? null : result.GetValue(_cache) ?? Path.Combine(output, DefaultCacheFolder);
        return Synthesize(analysis, file, output, environment, extensions, cache, stdout);
    }

    // Apart from Run so that parsing and the other commands never JIT code that names CDK-backed types.
    private static int Synthesize(FrontEndResult analysis, string file, string output, string? environment, string[] extensionPaths, string? cacheDirectory, TextWriter stdout)
    {
        var platform = analysis.Platform!;
        var (extensions, loadErrors) = ExtensionLoader.Load(extensionPaths);
        if (loadErrors.Count > 0)
        {
            CommandOutput.Print(loadErrors, stdout);
            return 1;
        }

        var cache = cacheDirectory is null ? null : new SynthesisCache(cacheDirectory);
        var source = SynthesisCache.SourceHash(file, File.ReadAllText(file));
        var keys = cache is null ? null : SynthesisCache.Keys(platform, extensionPaths);
        var written = new List<CachedEnvironment>();
        var failed = false;
        foreach (var selected in platform.Environments.Where(e => environment is null || e.Name == environment))
        {
            var key = keys?[selected.Name];
            if (cache?.Find(key!, source) is { } hit)
            {
                foreach (var line in hit.Diagnostics)
                {
                    stdout.WriteLine(line);
                }

                written.Add(hit.Environment);
                continue;
            }

            SynthesisResult synthesis;
            try
            {
                synthesis = PlatformSynthesizer.Synthesize(platform, new SynthesisOptions
                {
                    Environment = selected.Name,
                    Document = analysis.Document,
                    Extensions = extensions,
                    StackCacheDirectory = cacheDirectory is null ? null : Path.Combine(cacheDirectory, StackCacheFolder),
                });
            }
            catch (PlatformExtensionException e) when (e.InnerException is { } cause)
            {
                CommandOutput.Print([ExtensionFailure(e, cause)], stdout);
                return 1;
            }

            CommandOutput.Print(synthesis.Diagnostics, stdout);
            if (synthesis.HasErrors)
            {
                // The other environments are still synthesized, so that one compile reports every problem.
                failed = true;
                continue;
            }

            var files = OutputWriter.Files(synthesis).Single();
            if (cache is not null)
            {
                // Diagnostics carry lines and read which values were written, so an entry with any applies only to the same text.
                var printed = synthesis.Diagnostics.Select(d => d.ToCanonicalString()).ToList();
                cache.Store(key!, new CacheEntry(files, printed, printed.Count > 0 ? source : null));
            }

            written.Add(files);
        }

        // Nothing is written: half a platform would deploy as if it were whole.
        return failed ? 1 : Finish(platform, written, output, stdout);
    }

    // Writes the environments' files, then each one's cost estimate (computed from the templates in C#, never cached).
    private static int Finish(Resolution.ResolvedPlatform platform, IReadOnlyList<CachedEnvironment> environments, string output, TextWriter stdout)
    {
        foreach (var path in OutputWriter.Write(environments, output))
        {
            stdout.WriteLine($"wrote {path}");
        }

        foreach (var synthesized in environments)
        {
            var folder = Path.Combine(output, synthesized.Environment);
            var resolved = platform.Environments.Single(e => e.Name == synthesized.Environment);
            var templates = synthesized.Templates.ToList();
            var estimate = CostEstimateWriter.Write(
                resolved,
                folder,
                platform.Usage,
                MonitoringInventory.FromTemplates(templates),
                KeyInventory.FromTemplates(templates));
            stdout.WriteLine($"wrote {Path.Combine(folder, CostEstimateWriter.JsonFileName)}");
            stdout.WriteLine($"wrote {Path.Combine(folder, CostEstimateWriter.MarkdownFileName)}");
            CommandOutput.Print(estimate.Diagnostics, stdout);
            // The "trilho: " prefix marks the line the MSBuild task shows at high importance (so at the default
            // verbosity), one per environment: what was written and what it costs.
            stdout.WriteLine($"trilho: {estimate.ToSummaryLine()}; wrote {CommandOutput.Plural(templates.Count, "stack template")}, {OutputWriter.PlanFileName} and cost-estimate.json|md to {folder}");
        }

        return 0;
    }

    /// <summary>TRL9005: the extension, the environment, the exception and the extension's method it came from, without the stack trace.</summary>
    private static Diagnostic ExtensionFailure(PlatformExtensionException failure, Exception cause)
    {
        var frame = new StackTrace(cause, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Assembly is { } assembly && AssemblyLoadContext.GetLoadContext(assembly) is ExtensionLoadContext);
        var where = frame?.GetMethod() is { } method
            ? $" (at {method.DeclaringType?.FullName}.{method.Name}{(frame.GetFileName() is { } file ? $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}" : string.Empty)})"
            : string.Empty;
        return DiagnosticCatalog.ExtensionFailed.Create(null, failure.Extension ?? "?", failure.Environment ?? "?", ExtensionLoader.Describe(cause), where);
    }
}
