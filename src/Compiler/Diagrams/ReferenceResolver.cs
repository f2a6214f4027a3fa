using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>
/// Follows a template value to the resource it names, across stacks: <c>Ref</c> and <c>Fn::GetAtt</c> of a resource
/// end there; <c>Ref</c> of a parameter the plan fills <c>fromStack</c> continues in that stack's output. This is how
/// the diagram learns, from the compiled output alone, that the edge stack's origin is the shared stack's ALB.
/// </summary>
public sealed class ReferenceResolver(CompiledEnvironment environment)
{
    // Output chains are short (one hop per stack); the bound only guards against a malformed plan looping.
    private const int MaxHops = 16;

    /// <summary>The resource <paramref name="value"/> (a template expression in <paramref name="stack"/>) points at, or null.</summary>
    public ResourceRef? Resolve(StackStep stack, JsonNode? value) => Resolve(stack, value, 0);

    /// <summary>Every resource the expressions in <paramref name="values"/> point at.</summary>
    public IEnumerable<ResourceRef> ResolveAll(StackStep stack, JsonNode? values) =>
        (values as JsonArray ?? [values]).Select(v => Resolve(stack, v)).OfType<ResourceRef>();

    private ResourceRef? Resolve(StackStep stack, JsonNode? value, int hops)
    {
        if (hops > MaxHops || value is null)
        {
            return null;
        }

        if (value is JsonArray array)
        {
            return array.Select(item => Resolve(stack, item, hops)).FirstOrDefault(r => r is not null);
        }

        if (value is not JsonObject node)
        {
            return null;
        }

        if (node["Ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>();
            return stack.TypeOf(name) is not null ? new ResourceRef(stack, name) : FromParameter(stack, name, hops);
        }

        if (node["Fn::GetAtt"] is JsonArray { Count: > 0 } getAtt && stack.TypeOf(getAtt[0]!.GetValue<string>()) is not null)
        {
            return new ResourceRef(stack, getAtt[0]!.GetValue<string>());
        }

        // Fn::Join, Fn::Select and friends: the first resource any argument names.
        return node.Select(p => Resolve(stack, p.Value, hops)).FirstOrDefault(r => r is not null);
    }

    private ResourceRef? FromParameter(StackStep stack, string parameter, int hops)
    {
        if (!stack.HasParameter(parameter) || stack.Parameters[parameter] is not JsonObject source
            || source["fromStack"]?.GetValue<string>() is not { } producerName
            || source["output"]?.GetValue<string>() is not { } output
            || environment.Stack(producerName) is not { } producer)
        {
            return null;
        }

        return Resolve(producer, producer.OutputValue(output), hops + 1);
    }
}
