using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Resolution;

/// <summary>Who set a resolved value.</summary>
public enum OriginKind
{
    /// <summary>The top-level section of platform.yaml (e.g. <c>apps.api.port</c>), the same in every environment.</summary>
    TopLevel,

    /// <summary>The environment's override (e.g. <c>environments.prod.apps.api.port</c>).</summary>
    Override,

    /// <summary>Nobody: the field's declared default (a constant, or the environment's profile).</summary>
    Default,
}

/// <summary>
/// Where a resolved value came from, so that any later diagnostic (validation, emit) points at the line that set it.
/// </summary>
/// <param name="Kind">Top-level value, environment override, or default.</param>
/// <param name="Field">The field as the top-level section names it, as a JSON Pointer (e.g. <c>/apps/api/scale/min</c>), whoever set it.</param>
/// <param name="Pointer">
/// Where the value is written in the file; for a default, the nearest section that is written (a default has no line of
/// its own, and the section it completes is where the user would add the field).
/// </param>
public sealed record Origin(OriginKind Kind, string Field, string Pointer)
{
    /// <summary>The line of the value in <paramref name="document"/>, or null without a document.</summary>
    public SourceLocation? Locate(LoadedDocument? document, bool preferKey = false) => document?.LocationOf(Pointer, preferKey);

    /// <summary>How a message names the field the way platform.yaml reads, e.g. <c>apps.api.scale.min</c>.</summary>
    public string FieldName => string.Join('.', JsonPointers.Split(Field));
}
