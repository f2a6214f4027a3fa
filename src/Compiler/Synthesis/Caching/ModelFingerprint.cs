using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// A canonical text of a resolved model (or any part of it): every public property of every record, by runtime type,
/// in name order. Two platform.yaml files that resolve to the same model (a comment, key order, an explicit default)
/// give the same text.
/// </summary>
internal static class ModelFingerprint
{
    /// <summary>The canonical text of <paramref name="model"/>.</summary>
    public static string Of(object model) => Of(model, new HashSet<string>());

    /// <summary>The canonical text of <paramref name="model"/> without its own properties named in <paramref name="leftOut"/> (nested records keep theirs).</summary>
    public static string Of(object model, IReadOnlySet<string> leftOut)
    {
        var text = new StringBuilder();
        Write(model, text, leftOut);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text, IReadOnlySet<string>? leftOut = null)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case Enum e:
                text.Append(e.GetType().Name).Append('.').Append(e.ToString());
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            // Where a value was written moves only diagnostics' locations; entries with diagnostics also require the same source text (SynthesisCache).
            case Origins:
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        text.Append(type.FullName).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && leftOut?.Contains(p.Name) != true)
            .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Write(property.GetValue(value), text);
            text.Append(';');
        }

        text.Append('}');
    }
}
