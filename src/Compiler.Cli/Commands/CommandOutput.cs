using System.Globalization;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>How commands print: diagnostics in canonical form (IDEs and CI annotate them), counts in words.</summary>
internal static class CommandOutput
{
    /// <summary>Writes each diagnostic on its own line in canonical form.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }
    }

    /// <summary>"1 app", "2 apps".</summary>
    public static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>The usage error for a file that is not there (exit 2).</summary>
    public static int FileNotFound(string file, TextWriter stderr)
    {
        stderr.WriteLine($"trilho: error: file not found: {file}");
        return 2;
    }
}
