using System.Text.RegularExpressions;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// Evaluates the part of GitHub's expression language a concurrency setting uses: <c>${{ }}</c> interpolation,
/// <c>github.*</c> values, string literals, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and parentheses, with
/// GitHub's (JavaScript-like) rule that <c>a &amp;&amp; b</c> and <c>a || b</c> yield an operand, not a boolean.
/// Anything else throws, so a workflow using more than this is noticed rather than misread.
/// </summary>
public static partial class WorkflowExpression
{
    /// <summary>Replaces every <c>${{ expr }}</c> of <paramref name="text"/> with its value.</summary>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> github) =>
        Interpolation().Replace(text, m => Evaluate(m.Groups[1].Value, github));

    /// <summary>Evaluates a job's <c>if:</c>, written with or without <c>${{ }}</c> as GitHub accepts both.</summary>
    public static bool Condition(string condition, IReadOnlyDictionary<string, string> github)
    {
        var trimmed = condition.Trim();
        var whole = Interpolation().Match(trimmed);
        return Truthy(Evaluate(whole.Success && whole.Length == trimmed.Length ? whole.Groups[1].Value : trimmed, github));
    }

    /// <summary>Reads a <c>cancel-in-progress</c> value: <c>true</c>, <c>false</c> or an expression.</summary>
    public static bool IsTrue(string text, IReadOnlyDictionary<string, string> github) =>
        Interpolate(text, github).Trim() == "true";

    private static string Evaluate(string expression, IReadOnlyDictionary<string, string> github)
    {
        var tokens = Token().Matches(expression).Select(m => m.Value).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var position = 0;
        var value = Or();
        if (position != tokens.Count)
        {
            throw new NotSupportedException($"cannot read '{expression}' past '{tokens[position]}'");
        }

        return value ?? string.Empty;

        string? Or()
        {
            var left = And();
            while (Take("||"))
            {
                var right = And();
                left = Truthy(left) ? left : right;
            }

            return left;
        }

        string? And()
        {
            var left = Compare();
            while (Take("&&"))
            {
                var right = Compare();
                left = Truthy(left) ? right : left;
            }

            return left;
        }

        string? Compare()
        {
            var left = Unary();
            if (Take("=="))
            {
                return Bool(string.Equals(left, Unary(), StringComparison.OrdinalIgnoreCase));
            }

            if (Take("!="))
            {
                return Bool(!string.Equals(left, Unary(), StringComparison.OrdinalIgnoreCase));
            }

            return left;
        }

        string? Unary()
        {
            if (Take("!"))
            {
                return Bool(!Truthy(Unary()));
            }

            if (Take("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            var token = tokens[position++];
            if (token.StartsWith('\''))
            {
                return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
            }

            if (token is "true" or "false")
            {
                return token;
            }

            if (token.StartsWith("github.", StringComparison.Ordinal))
            {
                return github.TryGetValue(token["github.".Length..], out var v) ? v : throw new NotSupportedException($"no value for {token} in this scenario");
            }

            throw new NotSupportedException($"unsupported token '{token}' in '{expression}'");
        }

        bool Take(string symbol)
        {
            if (position < tokens.Count && tokens[position] == symbol)
            {
                position++;
                return true;
            }

            return false;
        }

        void Expect(string symbol)
        {
            if (!Take(symbol))
            {
                throw new NotSupportedException($"expected '{symbol}' in '{expression}'");
            }
        }
    }

    private static bool Truthy(string? value) => !string.IsNullOrEmpty(value) && value != "false" && value != "0";

    private static string Bool(bool value) => value ? "true" : "false";

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"'(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*|\S")]
    private static partial Regex Token();
}
