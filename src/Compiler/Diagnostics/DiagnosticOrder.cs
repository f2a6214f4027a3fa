namespace Trilho.Compiler.Diagnostics;

/// <summary>The order diagnostics are reported in: by line, then column, id and message, so one run reads top to bottom.</summary>
public static class DiagnosticOrder
{
    /// <summary><paramref name="diagnostics"/> in report order.</summary>
    public static List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
