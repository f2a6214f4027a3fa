namespace Trilho.Compiler.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be compiled.</summary>
    Error,

    /// <summary>The input compiles, but probably not as intended.</summary>
    Warning,
}

/// <summary>A position in an input file; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column);

/// <summary>One problem found in the input: "what happened: why", plus a next step where one exists.</summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation? Location, string? Hint = null)
{
    /// <summary>MSBuild's canonical form, e.g. <c>platform.yaml(14,11): error TRL2001: message</c>, which IDEs and CI annotate.</summary>
    public string ToCanonicalString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = Hint is null ? Message : $"{Message} {Hint}";
        return Location is null
            ? $"trilho: {severity} {Id}: {text}"
            : $"{Location.File}({Location.Line},{Location.Column}): {severity} {Id}: {text}";
    }
}
