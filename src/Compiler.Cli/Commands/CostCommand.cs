using System.CommandLine;

namespace Trilho.Compiler.Cli.Commands;

/// <summary><c>trilho cost</c>: each environment's monthly estimate, or the options comparison with <c>--compare</c>.</summary>
internal sealed class CostCommand : TrilhoCommand
{
    private readonly Argument<string> _file = new("platform.yaml") { Description = "The platform file to estimate." };

    private readonly Option<string?> _compare = new("--compare")
    {
        Description = "Instead of printing the estimate, write the options comparison (costs.md, costs-chart.svg) into this folder.",
        HelpName = "dir",
    };

    public CostCommand()
        : base("cost", "Print each environment's monthly cost estimate (no Node.js needed).")
    {
        Add(_file);
        Add(_compare);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        var file = result.GetRequiredValue(_file);
        if (!File.Exists(file))
        {
            return CommandOutput.FileNotFound(file, stderr);
        }

        return result.GetValue(_compare) is { } directory
            ? Costs.CostCommand.Compare(file, directory, stdout)
            : Costs.CostCommand.Print(file, stdout);
    }
}
