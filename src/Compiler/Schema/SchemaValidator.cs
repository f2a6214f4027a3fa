using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Schema;

/// <summary>
/// Validates a loaded document against the embedded schema with JsonSchema.Net and turns each failed keyword
/// into one diagnostic at the YAML node it concerns. Messages are built from the schema node and the instance,
/// not from the validator's English, so they can say what is expected and what to do.
/// </summary>
public static class SchemaValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    private static readonly Lazy<Dictionary<string, string>> Explanations = new(CollectExplanations);

    /// <summary>Every schema problem of <paramref name="document"/>; empty when it is valid.</summary>
    public static IReadOnlyList<Diagnostic> Validate(LoadedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var instance = JsonSerializer.SerializeToElement(document.Root);
        var results = PlatformSchema.Schema.Evaluate(instance, Options);
        var diagnostics = new List<Diagnostic>();
        if (!results.IsValid)
        {
            // A key indented too far out gets one diagnostic that says so, instead of what the schema makes of it there.
            var misindented = MisindentedKeys.Find(document.Root, MisindentedKeys.Failures(results).Distinct().ToList(), Options);
            foreach (var (pointer, sibling) in misindented)
            {
                var key = JsonPointers.Split(pointer)[^1];
                var above = JsonPointers.Parent(pointer) + JsonPointers.Of(sibling);
                diagnostics.Add(DiagnosticCatalog.IndentedTooFarOut.Create(
                    document.LocationOf(pointer, preferKey: true), key, JsonPointers.Display(document.Root, JsonPointers.Parent(pointer)), JsonPointers.Display(document.Root, above), sibling, document.LocationOf(above, preferKey: true).Line));
            }

            Collect(results, document, diagnostics, misindented.Keys.ToList());
        }

        return diagnostics.Distinct().ToList();
    }

    private static void Collect(EvaluationResults result, LoadedDocument document, List<Diagnostic> diagnostics, IReadOnlyList<string> skipped)
    {
        if (result.IsValid)
        {
            // Valid subtrees (e.g. a passing anyOf arm) carry no real problem.
            return;
        }

        if (result.Errors is { } errors && !skipped.Any(s => MisindentedKeys.IsAtOrUnder(result.InstanceLocation.ToString(), s)))
        {
            var schemaPointer = result.EvaluationPath.ToString();
            var instancePointer = result.InstanceLocation.ToString();
            foreach (var keyword in errors.Keys.Order(StringComparer.Ordinal))
            {
                diagnostics.AddRange(Describe(keyword, schemaPointer, instancePointer, document, errors[keyword]));
            }
        }

        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, document, diagnostics, skipped);
        }
    }

    private static IEnumerable<Diagnostic> Describe(string keyword, string schemaPointer, string instancePointer, LoadedDocument document, string fallback)
    {
        var schema = JsonPointers.Find(PlatformSchema.Node, schemaPointer) as JsonObject;
        var instance = JsonPointers.Find(document.Root, instancePointer);
        var name = JsonPointers.Display(document.Root, instancePointer);
        var at = document.LocationOf(instancePointer);
        var segments = JsonPointers.Split(schemaPointer);
        var last = segments.Count > 0 ? segments[^1] : string.Empty;

        if (keyword.Length == 0 && last == "additionalProperties")
        {
            yield return UnknownKey(schemaPointer, instancePointer, document);
            yield break;
        }

        if (last == "propertyNames" && keyword == "pattern")
        {
            var key = JsonPointers.Split(instancePointer)[^1];
            var pattern = schema?["pattern"]?.GetValue<string>() ?? string.Empty;
            yield return DiagnosticCatalog.BadKeyName.Create(
                document.LocationOf(instancePointer, preferKey: true), key, JsonPointers.Display(document.Root, JsonPointers.Parent(instancePointer)), Explain(pattern));
            yield break;
        }

        switch (keyword)
        {
            case "required":
                var present = instance as JsonObject;
                foreach (var missing in (schema?["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                {
                    if (present is null || !present.ContainsKey(missing))
                    {
                        var description = schema?["properties"]?[missing]?["description"]?.GetValue<string>() ?? string.Empty;
                        yield return DiagnosticCatalog.MissingKey.Create(document.LocationOf(instancePointer, preferKey: true), name, missing, description);
                    }
                }

                yield break;
            case "type":
                yield return WrongType(name, schema, instance, at);
                yield break;
            case "enum":
                var allowed = (schema?["enum"] as JsonArray ?? []).Select(v => v!.ToJsonString()).ToList();
                var actual = instance?.ToJsonString() ?? "empty";
                var text = instance is JsonValue value && value.TryGetValue<string>(out var s) ? s : actual;
                var suggestion = NameSuggestion.DidYouMean(text, allowed.Select(a => a.Trim('"')));
                if (suggestion.Length == 0 && text.Length >= 2
                    && allowed.Select(a => a.Trim('"')).Where(a => a.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList() is [var longer])
                {
                    // "pt" for "pt-BR": too many edits for the distance rule, but the only value that starts so.
                    suggestion = $"Did you mean '{longer}'?";
                }
                yield return DiagnosticCatalog.NotAllowedValue.Create(at, name, actual, string.Join(", ", allowed), suggestion);
                yield break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                yield return DiagnosticCatalog.OutOfRange.Create(at, name, instance?.ToJsonString(), Range(schema));
                yield break;
            case "pattern":
                var pattern = schema?["pattern"]?.GetValue<string>() ?? string.Empty;
                yield return DiagnosticCatalog.BadFormat.Create(at, name, instance?.ToString(), Explain(pattern));
                yield break;
            case "minLength" or "maxLength":
                var length = instance is JsonValue v && v.TryGetValue<string>(out var str) ? str.Length : 0;
                yield return DiagnosticCatalog.BadLength.Create(at, name, length, Length(schema));
                yield break;
            case "minProperties":
                yield return DiagnosticCatalog.EmptySection.Create(at, name);
                yield break;
            case "uniqueItems":
                foreach (var (item, index) in Duplicates(instance as JsonArray))
                {
                    yield return DiagnosticCatalog.DuplicateItem.Create(document.LocationOf($"{instancePointer}/{index}"), name, item);
                }

                yield break;
            default:
                yield return DiagnosticCatalog.SchemaViolation.Create(at, name, fallback.TrimEnd('.'));
                yield break;
        }
    }

    private static Diagnostic UnknownKey(string schemaPointer, string instancePointer, LoadedDocument document)
    {
        var key = JsonPointers.Split(instancePointer)[^1];
        var owner = JsonPointers.Find(PlatformSchema.Node, JsonPointers.Parent(schemaPointer));
        var known = (owner?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var section = JsonPointers.Display(document.Root, JsonPointers.Parent(instancePointer));
        var hint = NameSuggestion.Closest(key, known) is { } match
            ? $"Did you mean '{match}'?"
            : $"Known keys here: {string.Join(", ", known)}.";
        return DiagnosticCatalog.UnknownKey.Create(document.LocationOf(instancePointer, preferKey: true), key, section, hint);
    }

    private static Diagnostic WrongType(string name, JsonObject? schema, JsonNode? instance, SourceLocation at)
    {
        var expected = schema?["type"]?.GetValue<string>() ?? "something else";
        var actual = KindOf(instance);
        var hint = (expected, instance) switch
        {
            (_, null) => "Give it a value, or remove the key to use the default.",
            ("string", JsonValue) when name.EndsWith(']') => $"Quote it: \"{instance.ToJsonString()}\" (YAML reads unquoted digits and true/false as numbers and booleans).",
            ("string", JsonValue) => $"Quote it: {name.Split('.')[^1]}: \"{Unquoted(name, instance)}\" (YAML reads unquoted digits and true/false as numbers and booleans).",
            ("integer", JsonValue value) when value.TryGetValue<string>(out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out _) => "Remove the quotes.",
            ("object", _) => "Write it as a section of 'key: value' lines indented under it.",
            ("array", _) => "Write it as a list, e.g. [a, b].",
            _ => string.Empty,
        };
        return DiagnosticCatalog.WrongType.Create(at, name, Article(expected), actual, hint);
    }

    /// <summary>
    /// The value as the user wrote it. YAML reads an unquoted 012345678901 as the number 12345678901, dropping the
    /// zero; account ids always have 12 digits, so the zeros are put back.
    /// </summary>
    private static string Unquoted(string name, JsonNode instance)
    {
        var text = instance.ToJsonString();
        return name.Split('.')[^1] == "account" && long.TryParse(text, CultureInfo.InvariantCulture, out var number) && number >= 0 && text.Length < 12
            ? text.PadLeft(12, '0')
            : text;
    }

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "empty",
        JsonObject => "a section (mapping)",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"the text {value.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
            _ => $"the number {value.ToJsonString()}",
        },
        _ => "something else",
    };

    private static string Article(string type) => type switch
    {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "object" => "a section (mapping)",
        "array" => "a list",
        _ => type,
    };

    private static string Range(JsonObject? schema)
    {
        var low = schema?["minimum"] is { } min ? $">= {min.ToJsonString()}" : schema?["exclusiveMinimum"] is { } emin ? $"> {emin.ToJsonString()}" : null;
        var high = schema?["maximum"] is { } max ? $"<= {max.ToJsonString()}" : schema?["exclusiveMaximum"] is { } emax ? $"< {emax.ToJsonString()}" : null;
        return string.Join(" and ", new[] { low, high }.OfType<string>());
    }

    private static string Length(JsonObject? schema)
    {
        var min = schema?["minLength"]?.GetValue<int>() ?? 0;
        return schema?["maxLength"] is { } max ? $"{min} to {max.GetValue<int>()} characters" : $"at least {min} character(s)";
    }

    private static IEnumerable<(string Item, int Index)> Duplicates(JsonArray? array)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            var item = array![i]?.ToJsonString() ?? "null";
            if (!seen.Add(item))
            {
                yield return (item.Trim('"'), i);
            }
        }
    }

    private static string Explain(string pattern) =>
        Explanations.Value.TryGetValue(pattern, out var text) ? text : $"a match for {pattern}";

    /// <summary>Every pattern in <see cref="Patterns"/> paired with its <c>...Text</c> explanation; scanning only this class keeps the check path from loading CDK assemblies.</summary>
    private static Dictionary<string, string> CollectExplanations()
    {
        var constants = typeof(Patterns).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        return constants
            .Where(c => constants.ContainsKey(c.Key + "Text"))
            .ToDictionary(c => c.Value, c => constants[c.Key + "Text"], StringComparer.Ordinal);
    }
}
