using System.Text.Json.Nodes;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>
/// The delivery template as CloudFormation would deploy it for given parameter values: the intrinsic functions it uses
/// (Ref, Fn::Join, Fn::If, Fn::Equals, Fn::Not, Fn::GetAtt of roles and the provider) resolved, and its roles' trust
/// and permission statements. What the roles may do is evaluated by a real IAM engine in tests/policies (node --test).
/// </summary>
internal sealed class ResolvedDeliveryTemplate
{
    public const string Partition = "aws";

    private readonly JsonObject template;
    private readonly Dictionary<string, string> parameters;
    private readonly string account;
    private readonly string region;

    public ResolvedDeliveryTemplate(JsonObject template, string account, string region, IReadOnlyDictionary<string, string>? parameterValues = null)
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
