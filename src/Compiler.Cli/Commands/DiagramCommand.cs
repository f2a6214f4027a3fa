using System.CommandLine;
using Trilho.Compiler.Diagrams;

namespace Trilho.Compiler.Cli.Commands;

/// <summary><c>trilho diagram</c>: a Mermaid flowchart of a compiled environment, printed or as a Markdown file.</summary>
internal sealed class DiagramCommand : TrilhoCommand
{
    private readonly Argument<string> _environment = new("out/env") { Description = "A compiled environment folder (holding deploy-plan.json), e.g. out/dev." };

    private readonly Option<string?> _markdown = new("--markdown")
    {
        Description = "Write the flowchart into this Markdown file as a fenced mermaid block (GitHub renders it) instead of printing it.",
        HelpName = "file.md",
    };

    public DiagramCommand()
        : base("diagram", "Print a Mermaid flowchart of a compiled environment: its stacks, the request path and the wiring between them.")
    {
        Add(_environment);
        Add(_markdown);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        var directory = result.GetRequiredValue(_environment);
        if (!File.Exists(Path.Combine(directory, CompiledEnvironment.PlanFileName)))
        {
            stderr.WriteLine($"trilho: error: no {CompiledEnvironment.PlanFileName} in {directory} (run trilho compile first)");
            return 2;
        }

        var diagram = ArchitectureDiagram.Render(CompiledEnvironment.Load(directory));
        if (result.GetValue(_markdown) is { } markdown)
        {
            File.WriteAllText(markdown, $"```mermaid\n{diagram.TrimEnd('\n')}\n```\n");
            stdout.WriteLine($"wrote {markdown}");
            return 0;
        }

        stdout.Write(diagram.Replace("\n", stdout.NewLine, StringComparison.Ordinal));
        return 0;
    }
}
