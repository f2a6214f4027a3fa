using System.CommandLine;

namespace Trilho.Compiler.Cli.Commands;

/// <summary><c>trilho check</c>: validates platform.yaml without starting Node.js or loading CDK.</summary>
internal sealed class CheckCommand : TrilhoCommand
{
    private readonly Argument<string> _file = new("platform.yaml") { Description = "The platform file to validate." };

    public CheckCommand()
        : base("check", "Validate platform.yaml and print every problem at its line; on success, say what was checked. Starts no Node.js.")
    {
        Add(_file);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        var file = result.GetRequiredValue(_file);
        if (!File.Exists(file))
        {
            return CommandOutput.FileNotFound(file, stderr);
        }

        var analysis = FrontEnd.AnalyzeFile(file);
        CommandOutput.Print(analysis.Diagnostics, stdout);
        if (analysis.Platform is { } platform)
        {
            var apps = platform.Environments.Count == 0 ? 0 : platform.Environments[0].Apps.Count;
            var teams = platform.Environments.Count == 0 ? 0 : platform.Environments[0].Teams.Count;
            stdout.WriteLine($"trilho: {file} is valid: platform {platform.Name}, {CommandOutput.Plural(apps, "app")}, {CommandOutput.Plural(teams, "team")}, environments {string.Join(", ", platform.Environments.Select(e => e.Name))}");
        }

        return analysis.HasErrors ? 1 : 0;
    }
}
