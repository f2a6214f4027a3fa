using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Trilho.Compiler.Cli.Commands;
using Trilho.Compiler.Cli.Delivery;
using Trilho.Compiler.Cli.Init;

namespace Trilho.Compiler.Cli;

/// <summary>
/// The trilho command line, parsed by System.CommandLine: exit 0 when valid, 1 on input errors, 2 on usage or
/// internal errors. A new command is a <see cref="TrilhoCommand"/> type and one line in <see cref="Commands"/>.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a wrong command line (unknown command or option, missing argument or option).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Runs one command; never throws.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Tools.FromEnvironment());

    /// <summary>Runs one command with the given external programs (tests pass fakes); never throws.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Tools tools)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(tools);
        try
        {
            // "trilho help [command]" reads as "trilho [command] --help"; "@file" is a path, not a response file.
            var result = Commands(tools).Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            return result.Action is ParseErrorAction
                ? UsageErrors.Report(result, stderr)
                : result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The last line of defence: no stack trace ever reaches a user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"trilho: internal error: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    /// <summary>Every command, in the order <c>trilho --help</c> lists them.</summary>
    private static Command Commands(Tools tools)
    {
        // A plain Command rather than RootCommand: RootCommand names itself after the entry assembly (testhost under
        // tests) and prints that assembly's version.
        var root = new Command("trilho", "Validate platform.yaml, compile it into AWS CloudFormation, and deploy it.")
        {
            new HelpOption(),
            new VersionOption { Action = new VersionAction() },
            new CheckCommand(),
            new CompileCommand(),
            new CostCommand(),
            new DiagramCommand(),
            new SchemaCommand(),
            new InitCommand(),
            new DeployCommand(tools),
            new PushImageCommand(tools),
            new PublishStaticCommand(tools),
            new PlanEnvCommand(),
            new DiffCommand(),
        };

        // A bare "trilho" shows what it can do.
        root.SetAction(result => ((SynchronousCommandLineAction)root.Options.OfType<HelpOption>().Single().Action!).Invoke(result));
        return root;
    }
}
