using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trilho.Compiler.Diff;

/// <summary>CloudFormation intrinsic functions inside property values: values only known at deploy time.</summary>
public static partial class Intrinsics
{
    /// <summary>Whether <paramref name="node"/> is a function call such as <c>{"Ref": ...}</c> or <c>{"Fn::GetAtt": ...}</c>.</summary>
    public static bool IsCall(JsonNode? node) =>
        node is JsonObject { Count: 1 } call && call.First().Key is var name && (name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal));

    /// <summary>The logical IDs (resources or parameters) that <paramref name="node"/> refers to through Ref, Fn::GetAtt or Fn::Sub, anywhere inside it.</summary>
    public static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } call when call.First() is { Key: "Ref", Value: JsonValue target } && target.TryGetValue<string>(out var name):
                yield return name;
                break;
            case JsonObject { Count: 1 } call when call.First() is { Key: "Fn::GetAtt", Value: var target }:
                if (target is JsonArray { Count: > 0 } pair && pair[0] is JsonValue id && id.TryGetValue<string>(out var logicalId))
                {
                    yield return logicalId;
                }
                else if (target is JsonValue dotted && dotted.TryGetValue<string>(out var text))
                {
                    yield return text.Split('.')[0];
                }

                break;
            case JsonObject { Count: 1 } call when call.First() is { Key: "Fn::Sub", Value: var body }:
                var template = body is JsonArray { Count: > 0 } withVariables ? withVariables[0] : body;
                var local = body is JsonArray { Count: > 1 } && body[1] is JsonObject variables ? variables.Select(v => v.Key).ToHashSet(StringComparer.Ordinal) : [];
                if (template is JsonValue value && value.TryGetValue<string>(out var format))
                {
                    foreach (Match match in SubVariable().Matches(format))
                    {
                        var referenced = match.Groups[1].Value;
                        if (!local.Contains(referenced))
                        {
                            yield return referenced;
                        }
                    }
                }

                if (body is JsonArray { Count: > 1 } && body[1] is JsonObject values)
                {
                    foreach (var inner in values.SelectMany(v => References(v.Value)))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonObject other:
                foreach (var inner in other.SelectMany(p => References(p.Value)))
                {
                    yield return inner;
                }

                break;
            case JsonArray list:
                foreach (var inner in list.SelectMany(References))
                {
                    yield return inner;
                }

                break;
            default:
                break;
        }
    }

    // ${Name} or ${Name.Attribute}; ${!Literal} is an escape, not a reference.
    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();
}
