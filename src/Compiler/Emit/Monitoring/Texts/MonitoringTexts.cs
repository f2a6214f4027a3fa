using System.Globalization;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Emit.Monitoring.Texts;

/// <summary>The texts of one locale, with formatting that does not depend on the machine's culture (output must be byte-identical everywhere).</summary>
public sealed class MonitoringTexts
{
    private readonly IReadOnlyDictionary<TextKey, string> table;

    private MonitoringTexts(IReadOnlyDictionary<TextKey, string> table) => this.table = table;

    /// <summary>The texts of <paramref name="locale"/>.</summary>
    public static MonitoringTexts For(Locale locale) => new(TableOf(locale));

    /// <summary>The raw table of <paramref name="locale"/>, for completeness checks.</summary>
    public static IReadOnlyDictionary<TextKey, string> TableOf(Locale locale) =>
        locale == Locale.PtBr ? PortugueseTexts.Table : EnglishTexts.Table;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled.</summary>
    public string Get(TextKey key, params object[] args) =>
        args.Length == 0 ? table[key] : string.Format(CultureInfo.InvariantCulture, table[key], args);

    /// <summary>A number as people of this locale write it, with at most <paramref name="decimals"/> decimals.</summary>
    public string Number(double value, int decimals = 3)
    {
        var format = decimals == 0 ? "0" : "0." + new string('#', decimals);
        return value.ToString(format, CultureInfo.InvariantCulture).Replace(".", table[TextKey.DecimalSeparator], StringComparison.Ordinal);
    }
}
