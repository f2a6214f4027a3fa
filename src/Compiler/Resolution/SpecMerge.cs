using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>
/// The generic merge: an environment's overrides on top of the top-level values, field by field as <see cref="ModelField"/>
/// describes them, recording the <see cref="Origin"/> of every written value; then the declared defaults. Reflection, so a
/// new field is merged, and its environment override honoured, without anyone listing it.
/// </summary>
internal static class SpecMerge
{
    /// <summary>
    /// The platform as environment <paramref name="name"/> sees it: every top-level field its environment overrides
    /// (<see cref="ModelField.OverridesTopLevel"/>) merged with the override; origins of every written value into <paramref name="origins"/>.
    /// No defaults are applied: this is what the user wrote, as validation judges it.
    /// </summary>
    public static PlatformSpec Environment(PlatformSpec spec, string name, EnvironmentSpec environment, Origins origins)
    {
        var overrides = ModelField.Of(typeof(EnvironmentSpec)).Where(f => f.OverridesTopLevel).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var merged = new PlatformSpec();
        foreach (var field in ModelField.Of(typeof(PlatformSpec)))
        {
            var top = field.Property.GetValue(spec);
            var over = overrides.TryGetValue(field.Name, out var overriding) ? overriding.Property.GetValue(environment) : null;
            var value = Value(field, top, over, "/" + field.Name, JsonPointers.Of("environments", name, field.Name), origins);
            field.Property.SetValue(merged, value);
        }

        return merged;
    }

    /// <summary>A copy of <paramref name="section"/> with each unset field that declares a default (constant or per profile) set to it.</summary>
    public static T WithDefaults<T>(T section, ProfileDefaults profile)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(section);
        var copy = (T)Copy(section);
        foreach (var field in ModelField.Of(typeof(T)).Where(f => f.Property.GetValue(copy) is null))
        {
            var value = field.ProfileDefault is { } property ? typeof(ProfileDefaults).GetProperty(property)!.GetValue(profile) : field.Default;
            if (value is not null)
            {
                field.Property.SetValue(copy, value);
            }
        }

        return copy;
    }

    private static object? Value(ModelField field, object? top, object? over, string pointer, string overPointer, Origins origins)
    {
        if (field.IsSection)
        {
            return Section(field.ValueType, top, over, pointer, overPointer, origins);
        }

        if (field.SectionMapOf is { } entryType)
        {
            return SectionMap(entryType, top, over, pointer, overPointer, origins);
        }

        if (field.IsStringMap)
        {
            return StringMap((IReadOnlyDictionary<string, string>?)top, (IReadOnlyDictionary<string, string>?)over, pointer, overPointer, origins);
        }

        var (value, kind, at) = over is not null ? (over, OriginKind.Override, overPointer) : (top, OriginKind.TopLevel, pointer);
        if (value is not null)
        {
            origins.Written(pointer, kind, at);
            if (field.IsList)
            {
                var count = ((System.Collections.ICollection)value).Count;
                for (var i = 0; i < count; i++)
                {
                    var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    origins.Written($"{pointer}/{index}", kind, $"{at}/{index}");
                }
            }
        }

        return value;
    }

    private static object? Section(Type type, object? top, object? over, string pointer, string overPointer, Origins origins)
    {
        if (top is null && over is null)
        {
            return null;
        }

        origins.Written(pointer, over is null ? OriginKind.TopLevel : OriginKind.Override, over is null ? pointer : overPointer);
        var merged = Activator.CreateInstance(type)!;
        foreach (var field in ModelField.Of(type))
        {
            var topValue = top is null ? null : field.Property.GetValue(top);
            var overValue = over is null || !field.Overridable ? null : field.Property.GetValue(over);
            field.Property.SetValue(merged, Value(field, topValue, overValue, $"{pointer}/{Escape(field.Name)}", $"{overPointer}/{Escape(field.Name)}", origins));
        }

        return merged;
    }

    // Only the top-level entries exist; an override of an entry nobody declared is a validation error (TRL2004), not an entry.
    private static object? SectionMap(Type entryType, object? top, object? over, string pointer, string overPointer, Origins origins)
    {
        if (top is null)
        {
            return null;
        }

        origins.Written(pointer, OriginKind.TopLevel, pointer);
        var overEntries = Entries(over);
        var mergedType = typeof(Dictionary<,>).MakeGenericType(typeof(string), entryType);
        var merged = (System.Collections.IDictionary)Activator.CreateInstance(mergedType, StringComparer.Ordinal)!;
        foreach (var (key, value) in Entries(top))
        {
            var escaped = Escape(key);
            merged[key] = Section(entryType, value, overEntries.GetValueOrDefault(key), $"{pointer}/{escaped}", $"{overPointer}/{escaped}", origins);
        }

        return merged;
    }

    private static Dictionary<string, object?> Entries(object? map)
    {
        var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (map is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                var type = item!.GetType();
                entries[(string)type.GetProperty("Key")!.GetValue(item)!] = type.GetProperty("Value")!.GetValue(item);
            }
        }

        return entries;
    }

    private static Dictionary<string, string>? StringMap(IReadOnlyDictionary<string, string>? top, IReadOnlyDictionary<string, string>? over, string pointer, string overPointer, Origins origins)
    {
        if (top is null && over is null)
        {
            return null;
        }

        origins.Written(pointer, over is null ? OriginKind.TopLevel : OriginKind.Override, over is null ? pointer : overPointer);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in top ?? new Dictionary<string, string>())
        {
            merged[key] = value;
            origins.Written($"{pointer}/{Escape(key)}", OriginKind.TopLevel, $"{pointer}/{Escape(key)}");
        }

        foreach (var (key, value) in over ?? new Dictionary<string, string>())
        {
            merged[key] = value;
            origins.Written($"{pointer}/{Escape(key)}", OriginKind.Override, $"{overPointer}/{Escape(key)}");
        }

        return merged;
    }

    private static object Copy(object section)
    {
        var copy = Activator.CreateInstance(section.GetType())!;
        foreach (var field in ModelField.Of(section.GetType()))
        {
            field.Property.SetValue(copy, field.Property.GetValue(section));
        }

        return copy;
    }

    private static string Escape(string segment) => JsonPointers.Of(segment)[1..];
}
