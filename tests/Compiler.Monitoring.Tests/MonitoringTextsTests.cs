using System.Text.RegularExpressions;
using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Monitoring.Tests;

public sealed partial class MonitoringTextsTests
{
    public static TheoryData<Locale> Locales => new(Enum.GetValues<Locale>());

    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_locale_defines_every_text(Locale locale)
    {
        var table = MonitoringTexts.TableOf(locale);
        Assert.DoesNotContain(Enum.GetValues<TextKey>(), k => !table.ContainsKey(k) || string.IsNullOrWhiteSpace(table[k]));
    }

    [Fact]
    public void Portuguese_and_english_texts_take_the_same_placeholders()
    {
        var en = MonitoringTexts.TableOf(Locale.En);
        var pt = MonitoringTexts.TableOf(Locale.PtBr);
        foreach (var key in Enum.GetValues<TextKey>())
        {
            Assert.True(Placeholders(en[key]).SetEquals(Placeholders(pt[key])), $"{key}: '{en[key]}' vs '{pt[key]}'");
        }
    }

    [Fact]
    public void Sentences_are_translated_not_copied()
    {
        var en = MonitoringTexts.TableOf(Locale.En);
        var pt = MonitoringTexts.TableOf(Locale.PtBr);

        // Short labels may legitimately coincide (CPU %, E-mail, units); sentences may not.
        var copied = Enum.GetValues<TextKey>().Where(k => en[k] == pt[k] && en[k].Count(c => c == ' ') >= 3).ToList();
        Assert.Empty(copied);
    }

    [Theory]
    [InlineData(Locale.En, 99.95, "99.95")]
    [InlineData(Locale.PtBr, 99.95, "99,95")]
    [InlineData(Locale.PtBr, 1.44, "1,44")]
    [InlineData(Locale.PtBr, 6, "6")]
    public void Numbers_use_the_locale_decimal_separator_on_any_machine(Locale locale, double value, string expected)
    {
        Assert.Equal(expected, MonitoringTexts.For(locale).Number(value));
    }

    [Fact]
    public void Dashboard_name_words_are_valid_in_dashboard_names()
    {
        foreach (var locale in Enum.GetValues<Locale>())
        {
            var texts = MonitoringTexts.For(locale);
            Assert.Matches("^[a-z0-9-]+$", texts.Get(TextKey.OperationsDashboardWord));
            Assert.Matches("^[a-z0-9-]+$", texts.Get(TextKey.TechnicalDashboardWord));
        }
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
