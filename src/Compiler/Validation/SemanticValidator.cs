using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>The rules the schema cannot express: references, paths, per-environment values after overrides, and security policy.</summary>
public static class SemanticValidator
{
    /// <summary>
    /// Every semantic problem of a schema-valid, bound <paramref name="spec"/>, located in <paramref name="document"/>.
    /// <paramref name="removed"/> lists the pointers schema errors took out of the file: nothing is reported about the
    /// sections they leave meaningless, and a reference to a removed team, app or environment is not "unknown".
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(LoadedDocument document, PlatformSpec spec, IReadOnlyList<string>? removed = null) =>
        Validate(document, spec, EnvironmentResolver.ResolveLayers(spec).Layers, removed);

    /// <summary>Judges <paramref name="spec"/> as resolution saw it per environment (<paramref name="layers"/>): no rule merges or applies defaults itself.</summary>
    internal static IReadOnlyList<Diagnostic> Validate(LoadedDocument document, PlatformSpec spec, IReadOnlyList<EnvironmentLayer> layers, IReadOnlyList<string>? removed = null)
    {
        var context = new ValidationContext(document, spec, layers, removed ?? []);
        PlatformRules.Check(context);
        ReferenceRules.Check(context);
        PathRules.Check(context);
        AppRules.Check(context);
        SourceRules.Check(context);
        SecurityRules.Check(context);
        SecurityRules.CheckDeliveryTrust(context);

        // Per-environment checks repeat a problem that comes from the shared definition: keep one.
        return context.Diagnostics.Distinct().ToList();
    }
}
