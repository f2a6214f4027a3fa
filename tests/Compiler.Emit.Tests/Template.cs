using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests;

/// <summary>Read-only queries over one synthesized CloudFormation template.</summary>
public sealed class Template
{
    private Template(StackTemplate stack)
    {
        Stack = stack;
        Root = JsonNode.Parse(stack.Template)!.AsObject();
    }

    public StackTemplate Stack { get; }

    public JsonObject Root { get; }

    public string Name => Stack.StackName;

    public JsonObject ResourcesSection => Root["Resources"]?.AsObject() ?? [];

    public static Template Of(StackTemplate stack) => new(stack);

    /// <summary>Resources of a type, as (logical id, resource).</summary>
    public List<(string Id, JsonObject Resource)> Resources(string type) =>
        ResourcesSection
            .Where(r => r.Value?["Type"]?.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!.AsObject()))
            .ToList();

    /// <summary>The one resource of a type; fails when there are none or several.</summary>
    public JsonObject Single(string type) => Assert.Single(Resources(type)).Resource;

    /// <summary>Properties of the one resource of a type.</summary>
    public JsonObject Properties(string type) => Single(type)["Properties"]!.AsObject();

    public JsonObject Resource(string logicalId) => ResourcesSection[logicalId]!.AsObject();

    public IEnumerable<string> ParameterNames => Root["Parameters"]?.AsObject().Select(p => p.Key) ?? [];

    public IEnumerable<string> OutputNames => Root["Outputs"]?.AsObject().Select(p => p.Key) ?? [];

    /// <summary>The logical id a <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, ...]}</c> points at, or null.</summary>
    public static string? Target(JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is { } r => r.GetValue<string>(),
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => a[0]!.GetValue<string>(),
        _ => null,
    };

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
