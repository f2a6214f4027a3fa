using Trilho.Compiler.Model;

namespace Trilho.Compiler.Validation;

/// <summary>The fields of an app (or of one of its sections) that are set but apply only to the other app type, as <see cref="ModelField.AppliesTo"/> declares.</summary>
internal static class AppTypeFields
{
    /// <summary>
    /// The path of each field of <paramref name="section"/> set for a type other than <paramref name="type"/>, in declaration
    /// order; a section that does not apply is reported whole, not field by field. <paramref name="except"/> names a property skipped.
    /// </summary>
    public static IEnumerable<string[]> NotFor(AppType type, object section, string? except = null) => NotFor(type, section, except, []);

    private static IEnumerable<string[]> NotFor(AppType type, object section, string? except, string[] prefix)
    {
        foreach (var field in ModelField.Of(section.GetType()).Where(f => f.Property.Name != except))
        {
            if (field.Property.GetValue(section) is not { } value)
            {
                continue;
            }

            if (field.AppliesTo is { } only && only != type)
            {
                yield return [.. prefix, field.Name];
            }
            else if (field.IsSection)
            {
                foreach (var nested in NotFor(type, value, null, [.. prefix, field.Name]))
                {
                    yield return nested;
                }
            }
        }
    }
}
