using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>
/// Reports a command line System.CommandLine rejected: each error after the command it concerns, the library's
/// suggestions for mistyped names, and where the usage is; everything on stderr, exit <see cref="Cli.UsageExitCode"/>.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Writes the errors of <paramref name="result"/> (whose action is a <see cref="ParseErrorAction"/>) to <paramref name="stderr"/>.</summary>
    public static int Report(ParseResult result, TextWriter stderr)
    {
        var command = CommandPath(result.CommandResult);
        foreach (var error in result.Errors)
        {
            // The library says a command misses "an argument"; name the one it misses.
            var message = error.SymbolResult is ArgumentResult { Tokens.Count: 0 } missing && missing.Argument.Arity.MinimumNumberOfValues > 0
                ? $"missing <{missing.Argument.Name}>"
                : error.Message;
            stderr.WriteLine($"{command}: error: {message}");
        }

        // The library computes "Did you mean" suggestions only while reporting; let it report into a buffer, then keep
        // the suggestions (its error lines are the ones above) and drop the full help it would print after them.
        var action = (ParseErrorAction)result.Action!;
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var suggestions = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        var blocks = new List<(string Heading, List<string> Names)>();
        foreach (var line in suggestions.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('\''))
            {
                blocks.Add((line, []));
            }
            else if (blocks.Count > 0)
            {
                blocks[^1].Names.Add(line);
            }
        }

        foreach (var (heading, names) in blocks)
        {
            // An option for a mistyped option, a command for a mistyped command: a stray file name is no typo of -h.
            var option = heading.StartsWith("'-", StringComparison.Ordinal);
            var kept = names.Where(n => n.StartsWith('-') == option).ToList();
            if (kept.Count > 0)
            {
                stderr.WriteLine(heading);
                kept.ForEach(n => stderr.WriteLine($"  {n}"));
            }
        }

        stderr.WriteLine($"Run '{command} --help' for its arguments and options.");
        return Cli.UsageExitCode;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
