namespace Trilho.Compiler.Schema;

/// <summary>A regular expression a string value (or each string item of a list) must match, with the words a diagnostic uses to explain it.</summary>
/// <param name="pattern">ECMAScript regular expression, anchored.</param>
/// <param name="explanation">What a valid value looks like, e.g. "12 digits, e.g. \"111111111111\"".</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class PatternAttribute(string pattern, string explanation) : Attribute
{
    /// <summary>The regular expression written to the schema.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>What a valid value looks like, for people.</summary>
    public string Explanation { get; } = explanation;
}
