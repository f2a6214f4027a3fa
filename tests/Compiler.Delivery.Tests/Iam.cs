using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>
/// Just enough of CloudFormation and IAM to answer "may this role do that": resolves the intrinsic functions the
/// delivery stack uses (Ref, Fn::Join, Fn::If, Fn::Equals, Fn::Not, Fn::GetAtt of roles and the provider) for given
/// parameter values, then evaluates Allow statements with wildcard matching and the condition operators used. There
/// are no Deny statements, so anything not allowed is denied.
/// </summary>
internal sealed class Iam
{
    public const string Partition = "aws";

    private readonly JsonObject template;
    private readonly Dictionary<string, string> parameters;
    private readonly string account;
    private readonly string region;

    public Iam(JsonObject template, string account, string region, IReadOnlyDictionary<string, string>? parameterValues = null)
    {
        this.template = template;
        this.account = account;
        this.region = region;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in template["Parameters"]?.AsObject() ?? [])
        {
            if (node!["Default"] is { } fallback)
            {
                values[name] = fallback.GetValue<string>();
            }
        }

        foreach (var (name, value) in parameterValues ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        parameters = values;
        Roles = Resources("AWS::IAM::Role").ToDictionary(
            r => Str(r.Value["Properties"]!["RoleName"]),
            r => new Role(
                Str(r.Value["Properties"]!["RoleName"]),
                Resolve(r.Value["Properties"]!["AssumeRolePolicyDocument"])!.AsObject(),
                r.Value["Properties"]!["Policies"]!.AsArray()
                    .SelectMany(p => Resolve(p!["PolicyDocument"]!["Statement"])!.AsArray())
                    .Select(s => s!.AsObject())
                    .ToList()),
            StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Role> Roles { get; }

    public bool Allows(string roleName, string action, string resource, IReadOnlyDictionary<string, string>? context = null) =>
        Roles[roleName].Statements.Any(s =>
            Str(s["Effect"]) == "Allow"
            && Strings(s["Action"]).Any(a => Matches(a, action, ignoreCase: true))
            && Strings(s["Resource"]).Any(r => Matches(r, resource, ignoreCase: false))
            && ConditionHolds(s["Condition"]?.AsObject(), context ?? new Dictionary<string, string>()));

    public string RoleArn(string name) => $"arn:{Partition}:iam::{account}:role/{name}";

    public IEnumerable<KeyValuePair<string, JsonObject>> Resources(string type) =>
        template["Resources"]!.AsObject()
            .Where(r => Str(r.Value!["Type"]) == type && ConditionOf(r.Value!.AsObject()))
            .Select(r => new KeyValuePair<string, JsonObject>(r.Key, r.Value!.AsObject()));

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(Str),
        _ => [Str(node)],
    };

    public static string Str(JsonNode? node) => node!.GetValue<string>();

    private bool ConditionOf(JsonObject resource) =>
        resource["Condition"] is not { } name || EvaluateCondition(template["Conditions"]![Str(name)]!);

    private static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
    }

    private static bool ConditionHolds(JsonObject? condition, IReadOnlyDictionary<string, string> context)
    {
        if (condition is null)
        {
            return true;
        }

        foreach (var (op, keys) in condition)
        {
            foreach (var (key, expected) in keys!.AsObject())
            {
                // A key missing from the request fails every operator used here (no ...IfExists).
                if (!context.TryGetValue(key, out var actual))
                {
                    return false;
                }

                var holds = op switch
                {
                    "StringEquals" or "ArnEquals" => Strings(expected).Contains(actual, StringComparer.Ordinal),
                    "StringLike" or "ArnLike" => Strings(expected).Any(e => Matches(e, actual, ignoreCase: false)),
                    _ => throw new NotSupportedException($"condition operator {op}"),
                };
                if (!holds)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Resolves intrinsic functions; returns null for AWS::NoValue, which drops the item from its array.</summary>
    private JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(Resolve).Where(n => n is not null).ToArray());
            case JsonObject obj when obj.Count == 1 && obj.First().Key is "Ref" or "Fn::Join" or "Fn::If" or "Fn::GetAtt":
                var (function, argument) = obj.First();
                return function switch
                {
                    "Ref" => Ref(Str(argument)),
                    "Fn::Join" => JsonValue.Create(string.Join(
                        Str(argument![0]),
                        Resolve(argument[1])!.AsArray().Select(Str))),
                    "Fn::If" => EvaluateCondition(template["Conditions"]![Str(argument![0])]!) ? Resolve(argument[1]) : Resolve(argument[2]),
                    _ => GetAtt(Str(argument![0]), Str(argument[1])),
                };
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value);
                }

                return copy;
            default:
                return node?.DeepClone();
        }
    }

    private JsonValue? Ref(string name) => name switch
    {
        "AWS::NoValue" => null,
        "AWS::Partition" => JsonValue.Create(Partition),
        "AWS::AccountId" => JsonValue.Create(account),
        "AWS::Region" => JsonValue.Create(region),
        _ => JsonValue.Create(parameters[name]),
    };

    private JsonValue GetAtt(string logicalId, string attribute)
    {
        Assert.Equal("Arn", attribute);
        var resource = template["Resources"]![logicalId]!;
        return Str(resource["Type"]) switch
        {
            "AWS::IAM::Role" => JsonValue.Create(RoleArn(Str(resource["Properties"]!["RoleName"]))),
            "AWS::IAM::OIDCProvider" => JsonValue.Create($"arn:{Partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com"),
            var type => throw new NotSupportedException(type),
        };
    }

    private bool EvaluateCondition(JsonNode condition)
    {
        var (function, argument) = condition.AsObject().First();
        return function switch
        {
            "Fn::Equals" => Str(Resolve(argument![0])) == Str(Resolve(argument[1])),
            "Fn::Not" => !EvaluateCondition(argument![0]!),
            "Condition" => EvaluateCondition(template["Conditions"]![Str(argument)]!),
            _ => throw new NotSupportedException(function),
        };
    }

    /// <summary>A role's trust policy and its permission statements, intrinsics resolved.</summary>
    public sealed record Role(string Name, JsonObject Trust, IReadOnlyList<JsonObject> Statements);
}
