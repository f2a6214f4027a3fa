using System.CommandLine;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>
/// One trilho command: its arguments and options are fields added in the constructor (each with a description, which
/// <c>--help</c> shows), and <see cref="Run"/> does the work once System.CommandLine has parsed and validated them.
/// </summary>
internal abstract class TrilhoCommand : Command
{
    /// <summary>Creates the command; <paramref name="description"/> heads its <c>--help</c>.</summary>
    protected TrilhoCommand(string name, string description)
        : base(name, description)
    {
        SetAction(result => Run(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
    }

    /// <summary>Runs the command on valid arguments: 0 when it did its work, 1 on input errors, 2 on usage errors.</summary>
    protected abstract int Run(ParseResult result, TextWriter stdout, TextWriter stderr);
}
