using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>One resource of one compiled stack.</summary>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="LogicalId">Its logical id in that stack's template.</param>
public sealed record ResourceRef(StackStep Stack, string LogicalId)
{
    /// <summary>Its CloudFormation type.</summary>
    public string Type => Stack.TypeOf(LogicalId) ?? string.Empty;

    /// <summary>Its <c>Properties</c>, or an empty object.</summary>
    public JsonObject Properties => Stack.Resource(LogicalId)?[nameof(Properties)] as JsonObject ?? [];
}
