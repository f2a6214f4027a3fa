using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>
/// One field of a model record as platform.yaml names it, with what its attributes declare: default, profile default,
/// the app type it applies to, and whether environments may override it. The single reading of those attributes for the
/// schema generator, the merge, the validation and the documentation tests; a new field declares them once, on the record.
/// </summary>
/// <param name="Property">The record's property.</param>
/// <param name="Name">The key in platform.yaml (camelCase).</param>
public sealed record ModelField(PropertyInfo Property, string Name)
{
    // Fields and their attributes are read once per type: the merge and the rules ask for every field of every app in every environment.
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ModelField>> Cache = new();

    /// <summary>The property's type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; } = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>False when an environment's value is ignored by the merge and reported by validation (<see cref="NotOverridableAttribute"/>).</summary>
    public bool Overridable { get; } = Property.GetCustomAttribute<NotOverridableAttribute>() is null;

    /// <summary>The only app type the field applies to (<see cref="AppliesToAttribute"/>), or null for both.</summary>
    public AppType? AppliesTo { get; } = Property.GetCustomAttribute<AppliesToAttribute>()?.Type;

    /// <summary>The constant default (<see cref="DefaultValueAttribute"/>), or null.</summary>
    public object? Default { get; } = Property.GetCustomAttribute<DefaultValueAttribute>()?.Value;

    /// <summary>The <see cref="Resolution.ProfileDefaults"/> property that holds the default (<see cref="ProfileDefaultAttribute"/>), or null.</summary>
    public string? ProfileDefault { get; } = Property.GetCustomAttribute<ProfileDefaultAttribute>()?.Property;

    /// <summary>True for an environment property that overrides the top-level property of the same name (<see cref="OverrideShapeAttribute"/>).</summary>
    public bool OverridesTopLevel { get; } = Property.GetCustomAttribute<OverrideShapeAttribute>() is not null;

    /// <summary>True for a nested section (another model record), e.g. <c>scale</c>.</summary>
    public bool IsSection => IsRecord(ValueType);

    /// <summary>The record type of the entries of a map of sections (<c>apps</c>, <c>teams</c>...), or null.</summary>
    public Type? SectionMapOf =>
        ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && IsRecord(ValueType.GetGenericArguments()[1])
            ? ValueType.GetGenericArguments()[1]
            : null;

    /// <summary>True for a map of strings (<c>env</c>, <c>secrets</c>): an environment's map adds to and replaces entries of the top-level one.</summary>
    public bool IsStringMap => ValueType == typeof(IReadOnlyDictionary<string, string>);

    /// <summary>True for a list: an environment's list replaces the top-level one.</summary>
    public bool IsList => ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    /// <summary>The fields of <paramref name="type"/> in declaration order, so the schema and the docs read like the model.</summary>
    public static IReadOnlyList<ModelField> Of(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new ModelField(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToList());

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(ModelField).Namespace;
}
