using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Schema;

/// <summary>
/// Generates platform.schema.json (JSON Schema draft-07) from the model records by reflection: descriptions from
/// the XML docs, constraints from attributes. Hand-rolled so that the output is exactly what editors and
/// JsonSchema.Net understand: everything inlined (no <c>$ref</c>, whose siblings draft-07 ignores), and a
/// second, nothing-required shape for environment overrides.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>The id of the generated schema.</summary>
    public const string SchemaId = "https://trilho.dev/schema/platform.schema.json";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema as text, deterministic, with '\n' line endings and a final newline.</summary>
    public static string GenerateText() => Generate().ToJsonString(Output) + "\n";

    /// <summary>The schema as a JSON tree.</summary>
    public static JsonObject Generate()
    {
        var docs = XmlDocumentation.For(typeof(PlatformSpec).Assembly);
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = SchemaId,
            ["title"] = "Trilho platform.yaml",
        };
        foreach (var (key, value) in ObjectSchema(typeof(PlatformSpec), docs, partial: false))
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }

    private static JsonObject ObjectSchema(Type type, XmlDocumentation docs, bool partial)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in ModelField.Of(type))
        {
            var (property, name) = (field.Property, field.Name);
            properties[name] = PropertySchema(field, docs, partial);
            if (!partial && property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object" };
        if (docs.Of(type) is { } description)
        {
            schema["description"] = description;
        }

        schema["additionalProperties"] = false;
        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static JsonObject PropertySchema(ModelField field, XmlDocumentation docs, bool partial)
    {
        var property = field.Property;
        var type = field.ValueType;
        partial |= field.OverridesTopLevel;
        var schema = ValueSchema(type, property, docs, partial);

        // An editor shows it; in an environment's override the default is the top-level value instead.
        if (!partial && field.Default is { } declared)
        {
            schema["default"] = DefaultJson(declared);
        }

        if (docs.Of(property) is { } description)
        {
            // The property's own words beat the type's generic ones.
            var described = new JsonObject { ["description"] = description };
            foreach (var (key, value) in schema)
            {
                if (key != "description")
                {
                    described[key] = value?.DeepClone();
                }
            }

            schema = described;
        }

        return schema;
    }

    private static JsonObject ValueSchema(Type type, PropertyInfo property, XmlDocumentation docs, bool partial)
    {
        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. EnumNames(type).Select(n => JsonValue.Create(n))]) };
        }

        if (type == typeof(string))
        {
            return StringSchema(property);
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            return NumberSchema(type == typeof(double) ? "number" : "integer", property);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var valueType = type.GetGenericArguments()[1];
            var schema = new JsonObject { ["type"] = "object" };
            if (property.GetCustomAttribute<KeyPatternAttribute>() is { } keys)
            {
                schema["propertyNames"] = new JsonObject { ["pattern"] = keys.Pattern };
            }

            if (property.GetCustomAttribute<MinLengthAttribute>() is { } minimum)
            {
                schema["minProperties"] = minimum.Length;
            }

            schema["additionalProperties"] = valueType == typeof(string)
                ? new JsonObject { ["type"] = "string", ["minLength"] = 1 }
                : ObjectSchema(valueType, docs, partial);
            return schema;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new JsonObject
            {
                ["type"] = "array",
                ["items"] = StringSchema(property),
                ["uniqueItems"] = true,
            };
        }

        return ObjectSchema(type, docs, partial);
    }

    private static JsonObject StringSchema(PropertyInfo property)
    {
        var schema = new JsonObject { ["type"] = "string" };
        var length = property.GetCustomAttribute<StringLengthAttribute>();
        schema["minLength"] = Math.Max(1, length?.MinimumLength ?? 1);
        if (length is not null)
        {
            schema["maxLength"] = length.MaximumLength;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        return schema;
    }

    private static JsonObject NumberSchema(string jsonType, PropertyInfo property)
    {
        var schema = new JsonObject { ["type"] = jsonType };
        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            schema["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValue.Create(Convert.ToInt64(v, CultureInfo.InvariantCulture)))]);
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = Number(range.Minimum);
            schema[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = Number(range.Maximum);
        }

        return schema;
    }

    private static JsonValue Number(object value) => value switch
    {
        int i => JsonValue.Create(i),
        _ => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>A declared default as platform.yaml writes it: an enum by its name in the file.</summary>
    internal static JsonNode DefaultJson(object value) => value switch
    {
        Enum e => JsonValue.Create(EnumNames(e.GetType()).ElementAt(Array.IndexOf(Enum.GetValues(e.GetType()), e))),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    /// <summary>The names platform.yaml uses for the members of <paramref name="enumType"/>.</summary>
    public static IEnumerable<string> EnumNames(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => f.MetadataToken)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name));
    }
}
