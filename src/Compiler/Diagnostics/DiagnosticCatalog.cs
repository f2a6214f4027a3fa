namespace Trilho.Compiler.Diagnostics;

/// <summary>Every diagnostic Trilho reports. Ids are stable: retired ones are never reused.</summary>
public static class DiagnosticCatalog
{
    /// <summary>The file is not valid YAML.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "TRL1001", DiagnosticSeverity.Error, "invalid YAML: {0}", "Check indentation and quoting at this position.");

    /// <summary>More than one YAML document in the file.</summary>
    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "TRL1002", DiagnosticSeverity.Error, "a second YAML document starts here: platform.yaml holds exactly one platform.", "Remove the '---' separator and what follows, or move it to its own file.");

    /// <summary>A mapping repeats a key.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "TRL1003", DiagnosticSeverity.Error, "duplicate key '{0}': a key may appear once per section, the second would silently win.", "Merge the two entries into one.");
}
