using Trilho.Compiler.Cli.Delivery;
using Trilho.Compiler.Costs;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Diagrams;
using Trilho.Compiler.Schema;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Cli;

/// <summary>The trilho command line: exit 0 when valid, 1 on input errors, 2 on usage or internal errors.</summary>
public static class Cli
{
    private const string SilenceNodeBannerVariable = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";

    private const string Usage = """
        usage: trilho <command> [arguments]

        commands:
          check <platform.yaml>     validate the file and print every problem
          compile <platform.yaml> --out <dir> [--env <name>]
                                    write <dir>/<env>/<stack>.template.json, deploy-plan.json and
                                    cost-estimate.json|md, and print each environment's cost summary
          cost <platform.yaml> [--compare <dir>]
                                    print each environment's monthly cost estimate; with --compare,
                                    write the options comparison (costs.md, costs-chart.svg) into dir
          diagram <dir>/<env> [--markdown <file.md>]
                                    print a Mermaid flowchart of a compiled environment, or write it
                                    into a Markdown file as a fenced mermaid block (GitHub renders it)
          schema                    print the JSON Schema of platform.yaml
          init [<folder>]           scaffold a repository: platform.yaml, its schema, GitHub workflows
          deploy <dir>/<env>        deploy a compiled environment with the AWS CLI (--dry-run to preview)
          push-image <platform.yaml> --env <env> --app <app> --tag <tag>
                                    build an api app's image from its source and push it
          publish-static <platform.yaml> --env <env> --app <app>
                                    publish a static app's build folder
          plan-env <dir>/<env>      print account, region and prefix of a compiled environment
          diff <before>/<env> <after>/<env>
                                    what deploying after over before adds, modifies, replaces or deletes;
                                    exit 1 when a database, bucket, key... would be lost unacknowledged

        trilho <command> --help shows a command's options.
        """;

    /// <summary>Runs one command; never throws.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Tools.FromEnvironment());

    /// <summary>Runs one command with the given external programs (tests pass fakes); never throws.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Tools tools)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return args switch
            {
                [] or ["--help"] or ["-h"] or ["help"] => Help(stdout),
                ["--version"] => Version(stdout),
                ["deploy", "--help" or "-h"] => Help(stdout, DeliveryCommands.DeployUsage),
                ["push-image", "--help" or "-h"] => Help(stdout, DeliveryCommands.PushUsage),
                ["publish-static", "--help" or "-h"] => Help(stdout, DeliveryCommands.PublishUsage),
                ["plan-env", "--help" or "-h"] => Help(stdout, DeliveryCommands.PlanEnvUsage),
                ["init", "--help" or "-h"] => Help(stdout, Init.InitCommand.Usage),
                ["diff", "--help" or "-h"] => Help(stdout, DiffCommand.Usage),
                ["diff", .. var rest] => DiffCommand.Run(rest, stdout, stderr),
                ["deploy", .. var rest] => DeliveryCommands.Deploy(rest, stdout, stderr, tools),
                ["push-image", .. var rest] => DeliveryCommands.PushImage(rest, stdout, stderr, tools),
                ["publish-static", .. var rest] => DeliveryCommands.PublishStatic(rest, stdout, stderr, tools),
                ["plan-env", .. var rest] => DeliveryCommands.PlanEnv(rest, stdout, stderr),
                ["init", .. var rest] => Init.InitCommand.Run(rest, stdout, stderr),
                ["check", var file] => Check(file, stdout, stderr),
                ["compile", var file, "--out", var output] => Compile(file, output, null, stdout, stderr),
                ["compile", var file, "--out", var output, "--env", var environment] => Compile(file, output, environment, stdout, stderr),
                ["compile", var file, "--env", var environment, "--out", var output] => Compile(file, output, environment, stdout, stderr),
                ["compile", _] or ["compile", _, "--env", _] => MissingOption(stderr, "compile", "--out <dir>"),
                ["cost", var file, .. var options] => Cost(file, options, stdout, stderr),
                ["diagram", var directory] => Diagram(directory, null, stdout, stderr),
                ["diagram", var directory, "--markdown", var markdown] => Diagram(directory, markdown, stdout, stderr),
                ["schema"] => Schema(stdout),
                _ => UsageError(stderr),
            };
        }
#pragma warning disable CA1031 // The last line of defence: no stack trace ever reaches a user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"trilho: internal error: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    private static int Check(string file, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"trilho: error: file not found: {file}");
            return 2;
        }

        var result = FrontEnd.AnalyzeFile(file);
        Print(result.Diagnostics, stdout);
        if (result.Platform is { } platform)
        {
            var apps = platform.Environments.Count == 0 ? 0 : platform.Environments[0].Apps.Count;
            var teams = platform.Environments.Count == 0 ? 0 : platform.Environments[0].Teams.Count;
            stdout.WriteLine($"trilho: {file} is valid: platform {platform.Name}, {Plural(apps, "app")}, {Plural(teams, "team")}, environments {string.Join(", ", platform.Environments.Select(e => e.Name))}");
        }

        return result.HasErrors ? 1 : 0;
    }

    private static string Plural(int count, string noun) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static int Compile(string file, string output, string? environment, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"trilho: error: file not found: {file}");
            return 2;
        }

        var result = FrontEnd.AnalyzeFile(file);
        Print(result.Diagnostics, stdout);
        if (result.HasErrors || result.Platform is null)
        {
            return 1;
        }

        if (environment is not null && result.Platform.Environments.All(e => e.Name != environment))
        {
            stderr.WriteLine($"trilho: error: no environment named '{environment}' in {file}");
            return 2;
        }

        // In canonical form (trilho: error TRL9003: ...) so MSBuild reports it under its own code, not TRL9001.
        if (NodeRequirement.Problem(Environment.GetEnvironmentVariable("PATH")) is { } node)
        {
            Print([node], stdout);
            return 2;
        }

        // jsii prints a many-line end-of-life banner on stderr under Node 20, which CI logs would carry on every
        // compile; Node 20 works with CDK 2.160, and docs/msbuild.md asks for Node 22 where it can be had.
        if (Environment.GetEnvironmentVariable(SilenceNodeBannerVariable) is null)
        {
            Environment.SetEnvironmentVariable(SilenceNodeBannerVariable, "20");
        }

        var synthesis = PlatformSynthesizer.Synthesize(result.Platform, new SynthesisOptions { Environment = environment });
        foreach (var path in OutputWriter.Write(synthesis, output))
        {
            stdout.WriteLine($"wrote {path}");
        }

        foreach (var synthesized in synthesis.Environments)
        {
            var folder = Path.Combine(output, synthesized.Environment);
            var estimate = CostEstimateWriter.Write(
                result.Platform.Environments.Single(e => e.Name == synthesized.Environment),
                folder,
                result.Platform.Usage,
                MonitoringInventory.FromTemplates(synthesized.Plan.Stacks.Select(s => s.Template)));
            stdout.WriteLine($"wrote {Path.Combine(folder, CostEstimateWriter.JsonFileName)}");
            stdout.WriteLine($"wrote {Path.Combine(folder, CostEstimateWriter.MarkdownFileName)}");
            Print(estimate.Diagnostics, stdout);
            // The "trilho: " prefix marks the line the MSBuild task shows at high importance (so at the default
            // verbosity), one per environment: what was written and what it costs.
            stdout.WriteLine($"trilho: {estimate.ToSummaryLine()}; wrote {Plural(synthesized.Plan.Stacks.Count, "stack template")}, {OutputWriter.PlanFileName} and cost-estimate.json|md to {folder}");
        }

        return 0;
    }

    private static int Cost(string file, string[] options, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"trilho: error: file not found: {file}");
            return 2;
        }

        return options switch
        {
            [] => CostCommand.Print(file, stdout),
            ["--compare", var directory] => CostCommand.Compare(file, directory, stdout),
            _ => UsageError(stderr),
        };
    }

    private static int Diagram(string directory, string? markdown, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(Path.Combine(directory, CompiledEnvironment.PlanFileName)))
        {
            stderr.WriteLine($"trilho: error: no {CompiledEnvironment.PlanFileName} in {directory} (run trilho compile first)");
            return 2;
        }

        var diagram = ArchitectureDiagram.Render(CompiledEnvironment.Load(directory));
        if (markdown is not null)
        {
            File.WriteAllText(markdown, $"```mermaid\n{diagram.TrimEnd('\n')}\n```\n");
            stdout.WriteLine($"wrote {markdown}");
            return 0;
        }

        stdout.Write(diagram.Replace("\n", stdout.NewLine, StringComparison.Ordinal));
        return 0;
    }

    private static int Schema(TextWriter stdout)
    {
        stdout.Write(SchemaGenerator.GenerateText());
        return 0;
    }

    private static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }
    }

    private static int MissingOption(TextWriter stderr, string command, string option)
    {
        stderr.WriteLine($"trilho {command}: error: missing {option}");
        stderr.WriteLine(Usage);
        return 2;
    }

    private static int Help(TextWriter stdout, string text = Usage)
    {
        stdout.WriteLine(text);
        return 0;
    }

    private static int Version(TextWriter stdout)
    {
        var assembly = typeof(Cli).Assembly;
        var version = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        stdout.WriteLine($"trilho {version.Split('+')[0]}");
        return 0;
    }

    private static int UsageError(TextWriter stderr)
    {
        stderr.WriteLine(Usage);
        return 2;
    }
}
