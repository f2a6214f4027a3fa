using System.CommandLine;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Cli.Commands;

/// <summary><c>trilho schema</c>: the JSON Schema of platform.yaml, generated from the model.</summary>
internal sealed class SchemaCommand : TrilhoCommand
{
    public SchemaCommand()
        : base("schema", "Print the JSON Schema of platform.yaml (what editors validate against).")
    {
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        stdout.Write(SchemaGenerator.GenerateText());
        return 0;
    }
}
