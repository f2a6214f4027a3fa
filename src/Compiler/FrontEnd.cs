using Trilho.Compiler.Binding;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler;

/// <summary>What the front end made of a platform.yaml: the resolved platform when there are no errors, and every diagnostic.</summary>
public sealed record FrontEndResult(ResolvedPlatform? Platform, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Load, validate, bind and resolve: everything short of CDK. Never starts Node.js.</summary>
public static class FrontEnd
{
    /// <summary>Reads and analyses the file at <paramref name="path"/>.</summary>
    public static FrontEndResult AnalyzeFile(string path) => Analyze(path, File.ReadAllText(path));

    /// <summary>Analyses <paramref name="text"/>; <paramref name="file"/> is the name diagnostics print.</summary>
    public static FrontEndResult Analyze(string file, string text)
    {
        var (document, diagnostics) = YamlLoader.Load(file, text);
        if (document is null || diagnostics.Count > 0)
        {
            return new FrontEndResult(null, diagnostics);
        }

        var spec = ModelBinder.Bind(document.Root);
        return new FrontEndResult(EnvironmentResolver.Resolve(spec), diagnostics);
    }
}
