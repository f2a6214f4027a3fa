using System.Globalization;

namespace Trilho.Compiler.Diagnostics;

/// <summary>A kind of diagnostic: stable id, severity and message template. The catalog in docs/diagnostics.md lists every one.</summary>
/// <param name="Id">Stable id, never reused: TRL1xxx YAML and schema, TRL2xxx semantics, TRL3xxx security, TRL4xxx emit.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="MessageFormat">"What happened: why", with <see cref="string.Format(IFormatProvider, string, object[])"/> placeholders.</param>
/// <param name="Hint">The next step, if one exists, with the same placeholders.</param>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string MessageFormat, string? Hint = null)
{
    /// <summary>A diagnostic of this kind at <paramref name="location"/>.</summary>
    public Diagnostic Create(SourceLocation? location, params object?[] args)
    {
        // A hint that formats to nothing (e.g. no "did you mean" candidate) is no hint.
        var hint = Hint is null ? null : Format(Hint, args);
        return new(Id, Severity, Format(MessageFormat, args), location, string.IsNullOrWhiteSpace(hint) ? null : hint);
    }

    private static string Format(string format, object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
