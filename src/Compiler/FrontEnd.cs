using Trilho.Compiler.Binding;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;
using Trilho.Compiler.Validation;

namespace Trilho.Compiler;

/// <summary>What the front end made of a platform.yaml: the resolved platform when there are no errors, and every diagnostic.</summary>
/// <param name="Platform">The resolved platform, or null with errors.</param>
/// <param name="Diagnostics">Every diagnostic, sorted by line.</param>
/// <param name="Document">The loaded file, for locating later diagnostics (pass it to synthesis); null when it is not valid YAML.</param>
public sealed record FrontEndResult(ResolvedPlatform? Platform, IReadOnlyList<Diagnostic> Diagnostics, LoadedDocument? Document = null)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Load, schema-validate, bind, resolve and validate the resolved model: everything short of CDK. Never starts Node.js.</summary>
public static class FrontEnd
{
    /// <summary>Reads and analyses the file at <paramref name="path"/>.</summary>
    public static FrontEndResult AnalyzeFile(string path) => Analyze(path, File.ReadAllText(path));

    /// <summary>Analyses <paramref name="text"/>; <paramref name="file"/> is the name diagnostics print. Reports every problem of the phase that found any.</summary>
    public static FrontEndResult Analyze(string file, string text)
    {
        var (document, diagnostics) = YamlLoader.Load(file, text);
        if (document is null || diagnostics.Count > 0)
        {
            return Fail(diagnostics);
        }

        if (document.Root is null)
        {
            return Fail([DiagnosticCatalog.EmptyDocument.Create(new SourceLocation(file, 1, 1))]);
        }

        // Binding and the semantic rules assume the schema's guarantees (types, ranges, required keys), so with schema
        // errors they judge what is left once the rejected values are gone: one run reports every independent problem.
        var schemaErrors = SchemaValidator.Validate(document);
        if (schemaErrors.Count > 0)
        {
            return Fail([.. schemaErrors, .. SemanticsOfRemainder(document)]);
        }

        // Resolve first, then judge the resolved model: the rules read merged values, defaults and origins, never re-derive them.
        var spec = ModelBinder.Bind(document.Root);
        var (platform, layers) = EnvironmentResolver.ResolveLayers(spec);
        var semanticErrors = SemanticValidator.Validate(document, spec, layers);
        if (semanticErrors.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return Fail(semanticErrors);
        }

        return new FrontEndResult(platform, DiagnosticOrder.Sort(semanticErrors), document);
    }

    private static IReadOnlyList<Diagnostic> SemanticsOfRemainder(LoadedDocument document)
    {
        if (SchemaRepair.Repair(document.Root!) is not { } remainder)
        {
            return [];
        }

        var repaired = new LoadedDocument(document.File, remainder.Root, document.ValueLocations, document.KeyLocations);
        return SemanticValidator.Validate(repaired, ModelBinder.Bind(remainder.Root), remainder.Removed);
    }

    private static FrontEndResult Fail(IEnumerable<Diagnostic> diagnostics) => new(null, DiagnosticOrder.Sort(diagnostics));
}
