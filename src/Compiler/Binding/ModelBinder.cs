using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Binding;

/// <summary>Turns a schema-valid JSON tree into the immutable model.</summary>
public static class ModelBinder
{
    /// <summary>The serializer settings that match platform.yaml's camelCase keys.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Binds <paramref name="root"/>; the caller has validated it against the schema, so a failure here is a Trilho bug.</summary>
    public static PlatformSpec Bind(JsonNode? root) =>
        root?.Deserialize<PlatformSpec>(Options) ?? new PlatformSpec();
}
