using System.Text.RegularExpressions;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>
/// A composite alarm rule (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html):
/// <c>ALARM(x)</c>, <c>OK(x)</c>, <c>INSUFFICIENT_DATA(x)</c> are true when alarm x is in that state; <c>TRUE</c>,
/// <c>FALSE</c>; combined with AND, OR, NOT and parentheses. x is an alarm name or ARN (the name is what follows
/// <c>:alarm:</c>). The composite is ALARM while the rule is true and OK otherwise.
/// </summary>
public static partial class CompositeRule
{
    /// <summary>Evaluates <paramref name="rule"/> against the children's current states.</summary>
    public static bool Evaluate(string rule, Func<string, AlarmState> state)
    {
        var tokens = Tokens().Matches(rule).Select(m => m.Value).ToList();
        var position = 0;
        var result = Or();
        if (position != tokens.Count)
        {
            throw new FormatException($"Unexpected '{tokens[position]}' in composite rule {rule}");
        }

        return result;

        bool Or()
        {
            var value = And();
            while (Accept("OR"))
            {
                value = And() | value;
            }

            return value;
        }

        bool And()
        {
            var value = Not();
            while (Accept("AND"))
            {
                value = Not() & value;
            }

            return value;
        }

        bool Not() => Accept("NOT") ? !Not() : Primary();

        bool Primary()
        {
            var token = tokens[position++];
            switch (token.ToUpperInvariant())
            {
                case "(":
                    var inner = Or();
                    Expect(")");
                    return inner;
                case "TRUE":
                    return true;
                case "FALSE":
                    return false;
                case "ALARM" or "OK" or "INSUFFICIENT_DATA":
                    Expect("(");
                    var name = AlarmName(tokens[position++]);
                    Expect(")");
                    return state(name) == Enum.Parse<AlarmState>(token.ToUpperInvariant());
                default:
                    throw new FormatException($"Unexpected '{token}' in composite rule {rule}");
            }
        }

        bool Accept(string token)
        {
            if (position < tokens.Count && string.Equals(tokens[position], token, StringComparison.OrdinalIgnoreCase))
            {
                position++;
                return true;
            }

            return false;
        }

        void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FormatException($"Expected '{token}' in composite rule {rule}");
            }
        }
    }

    /// <summary>Names of the alarms the rule reads.</summary>
    public static IEnumerable<string> Children(string rule) =>
        Tokens().Matches(rule).Select(m => m.Value).Where(t => t.StartsWith('"')).Select(AlarmName);

    private static string AlarmName(string quotedOrBare)
    {
        var value = quotedOrBare.Trim('"');
        var index = value.IndexOf(":alarm:", StringComparison.Ordinal);
        return index < 0 ? value : value[(index + ":alarm:".Length)..];
    }

    [GeneratedRegex("\"[^\"]*\"|\\(|\\)|[A-Za-z_]+")]
    private static partial Regex Tokens();
}
