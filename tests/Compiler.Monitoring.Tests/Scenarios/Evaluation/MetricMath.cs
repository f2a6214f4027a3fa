using System.Globalization;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;

/// <summary>
/// CloudWatch metric math, evaluated one timestamp at a time over the values of the named inputs at that timestamp
/// (null = no data point). Supports what Trilho's alarms and dashboards use: numbers, ids, + - * /, comparisons,
/// AND/OR/NOT, IF and FILL; anything else throws, so a new function in an emitted expression is noticed rather than
/// silently misread. Semantics (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html):
/// arithmetic and comparisons with a missing operand give no data point; division by zero gives no data point;
/// comparisons give 1 or 0; <c>IF(c, a, b)</c> is a when c is non-zero, else b; <c>FILL(m, v)</c> gives v where m has
/// no data point (it fills every timestamp of the queried range, also when m has no data at all).
/// </summary>
public sealed class MetricMath
{
    private readonly string text;
    private readonly List<string> tokens;
    private int position;

    private MetricMath(string expression)
    {
        text = expression;
        tokens = Tokenize(expression);
    }

    /// <summary>Evaluates <paramref name="expression"/> with <paramref name="inputs"/> by id; null is "no data point".</summary>
    public static double? Evaluate(string expression, Func<string, double?> inputs)
    {
        var math = new MetricMath(expression);
        var node = math.ParseOr();
        if (math.position != math.tokens.Count)
        {
            throw new FormatException($"Unexpected '{math.tokens[math.position]}' in metric math '{expression}'.");
        }

        return node(inputs);
    }

    private Func<Func<string, double?>, double?> ParseOr()
    {
        var left = ParseAnd();
        while (Accept("OR") || Accept("||"))
        {
            var l = left;
            var r = ParseAnd();
            left = v => Both(l(v), r(v), (a, b) => a != 0 || b != 0 ? 1 : 0);
        }

        return left;
    }

    private Func<Func<string, double?>, double?> ParseAnd()
    {
        var left = ParseNot();
        while (Accept("AND") || Accept("&&"))
        {
            var l = left;
            var r = ParseNot();
            left = v => Both(l(v), r(v), (a, b) => a != 0 && b != 0 ? 1 : 0);
        }

        return left;
    }

    private Func<Func<string, double?>, double?> ParseNot()
    {
        if (Accept("NOT") || Accept("!"))
        {
            var operand = ParseNot();
            return v => operand(v) is { } x ? (x == 0 ? 1 : 0) : null;
        }

        return ParseComparison();
    }

    private Func<Func<string, double?>, double?> ParseComparison()
    {
        var left = ParseSum();
        foreach (var op in new[] { ">=", "<=", "==", "!=", ">", "<" })
        {
            if (Accept(op))
            {
                var right = ParseSum();
                Func<double, double, bool> compare = op switch
                {
                    ">=" => (a, b) => a >= b,
                    "<=" => (a, b) => a <= b,
                    "==" => (a, b) => a == b,
                    "!=" => (a, b) => a != b,
                    ">" => (a, b) => a > b,
                    _ => (a, b) => a < b,
                };
                return v => Both(left(v), right(v), (a, b) => compare(a, b) ? 1 : 0);
            }
        }

        return left;
    }

    private Func<Func<string, double?>, double?> ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            var l = left;
            if (Accept("+"))
            {
                var r = ParseProduct();
                left = v => Both(l(v), r(v), (a, b) => a + b);
            }
            else if (Accept("-"))
            {
                var r = ParseProduct();
                left = v => Both(l(v), r(v), (a, b) => a - b);
            }
            else
            {
                return left;
            }
        }
    }

    private Func<Func<string, double?>, double?> ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            var l = left;
            if (Accept("*"))
            {
                var r = ParseUnary();
                left = v => Both(l(v), r(v), (a, b) => a * b);
            }
            else if (Accept("/"))
            {
                var r = ParseUnary();
                left = v => l(v) is { } a && r(v) is { } b && b != 0 ? a / b : null;
            }
            else
            {
                return left;
            }
        }
    }

    private Func<Func<string, double?>, double?> ParseUnary()
    {
        if (Accept("-"))
        {
            var operand = ParseUnary();
            return v => -operand(v);
        }

        return ParsePrimary();
    }

    private Func<Func<string, double?>, double?> ParsePrimary()
    {
        var token = Next();
        if (token == "(")
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return _ => number;
        }

        if (Accept("("))
        {
            var arguments = new List<Func<Func<string, double?>, double?>> { ParseOr() };
            while (Accept(","))
            {
                arguments.Add(ParseOr());
            }

            Expect(")");
            return Function(token.ToUpperInvariant(), arguments);
        }

        return v => v(token);
    }

    private Func<Func<string, double?>, double?> Function(string name, List<Func<Func<string, double?>, double?>> arguments) => (name, arguments.Count) switch
    {
        ("FILL", 2) => v => arguments[0](v) ?? arguments[1](v),
        ("IF", 3) => v => arguments[0](v) is { } c ? (c != 0 ? arguments[1](v) : arguments[2](v)) : null,
        ("IF", 2) => v => arguments[0](v) is { } c && c != 0 ? arguments[1](v) : null,
        ("ABS", 1) => v => arguments[0](v) is { } x ? Math.Abs(x) : null,
        _ => throw new NotSupportedException($"Metric math function {name} with {arguments.Count} arguments is not modelled (in '{text}'): add it to the evaluator with its documented semantics."),
    };

    private static double? Both(double? a, double? b, Func<double, double, double> f) => a is { } x && b is { } y ? f(x, y) : null;

    private bool Accept(string token)
    {
        if (position < tokens.Count && string.Equals(tokens[position], token, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"Expected '{token}' at token {position} of metric math '{text}'.");
        }
    }

    private string Next() => position < tokens.Count ? tokens[position++] : throw new FormatException($"Metric math '{text}' ends too early.");

    private static List<string> Tokenize(string expression)
    {
        var result = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_' || c == '.')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_' || expression[i] == '.'))
                {
                    i++;
                }

                result.Add(expression[start..i]);
            }
            else if (i + 1 < expression.Length && expression.Substring(i, 2) is ">=" or "<=" or "==" or "!=" or "&&" or "||")
            {
                result.Add(expression.Substring(i, 2));
                i += 2;
            }
            else if ("+-*/()<>,!".Contains(c, StringComparison.Ordinal))
            {
                result.Add(c.ToString());
                i++;
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' in metric math '{expression}'.");
            }
        }

        return result;
    }
}
