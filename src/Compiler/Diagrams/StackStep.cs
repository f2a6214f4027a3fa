using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>One <c>deployStack</c> step of a deploy plan with its template: what the diagram draws as a subgraph.</summary>
/// <param name="Order">1-based position among the plan's stacks (deploy order).</param>
/// <param name="Name">The stack name.</param>
/// <param name="Region">The region the stack deploys into.</param>
/// <param name="Template">The parsed CloudFormation template.</param>
/// <param name="Parameters">The plan's parameter values for this stack (<c>{"value"}</c>, <c>{"fromStack"}</c>, ...).</param>
public sealed record StackStep(int Order, string Name, string Region, JsonObject Template, JsonObject Parameters)
{
    /// <summary>The template's <c>Resources</c> section, in template order.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Resources =>
        Template[nameof(Resources)] as JsonObject ?? [];

    /// <summary>The resource named <paramref name="logicalId"/>, or null.</summary>
    public JsonObject? Resource(string logicalId) =>
        (Template[nameof(Resources)] as JsonObject)?[logicalId] as JsonObject;

    /// <summary>The CloudFormation type of the resource named <paramref name="logicalId"/>, or null.</summary>
    public string? TypeOf(string logicalId) => Resource(logicalId)?["Type"]?.GetValue<string>();

    /// <summary>The value expression of the output named <paramref name="output"/>, or null.</summary>
    public JsonNode? OutputValue(string output) => (Template["Outputs"] as JsonObject)?[output]?["Value"];

    /// <summary>True when the template declares a parameter named <paramref name="name"/>.</summary>
    public bool HasParameter(string name) => (Template[nameof(Parameters)] as JsonObject)?.ContainsKey(name) == true;
}
