using System.Collections;
using System.Globalization;
using System.Text;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Writes JSON the way JSON.stringify does (no spaces, only quote, backslash and control characters escaped), so a
/// dashboard body built in C# has the bytes CDK's own rendering had. CDK tokens inside strings stay as they are and
/// become Fn::Join pieces when the template is resolved.
/// </summary>
internal static class JsonText
{
    /// <summary>Serializes strings, numbers, booleans, <see cref="JsonFields"/> and sequences of those.</summary>
    public static string Write(object value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object value)
    {
        switch (value)
        {
            case string s:
                AppendString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonFields fields:
                text.Append('{');
                var first = true;
                foreach (var (key, field) in fields)
                {
                    if (field is null)
                    {
                        continue;
                    }

                    text.Append(first ? "" : ",");
                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    Append(text, field);
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    text.Append(firstItem ? "" : ",");
                    firstItem = false;
                    Append(text, item);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"no JSON form for {value.GetType()}", nameof(value));
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
