namespace Trilho.Compiler.Schema;

/// <summary>A regular expression every key of a map must match (JSON Schema <c>propertyNames</c>), with the words a diagnostic uses to explain it.</summary>
/// <param name="pattern">ECMAScript regular expression, anchored.</param>
/// <param name="explanation">What a valid key looks like, for people.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class KeyPatternAttribute(string pattern, string explanation) : Attribute
{
    /// <summary>The regular expression written to the schema.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>What a valid key looks like, for people.</summary>
    public string Explanation { get; } = explanation;
}
