using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Writes alarm descriptions in plain words: what happens, what customers feel, who owns it, the first step.</summary>
internal sealed class AlarmDescriptions(MonitoringTexts texts)
{
    /// <summary>CloudWatch rejects longer alarm descriptions.</summary>
    public const int MaxLength = 1024;

    private const string Ellipsis = "\u2026";

    /// <summary>The texts used.</summary>
    public MonitoringTexts Texts { get; } = texts;

    /// <summary>A team's name and contacts in one line.</summary>
    public string Contact(ResolvedTeam team) => string.IsNullOrEmpty(team.Phone)
        ? Texts.Get(TextKey.ContactWithoutPhone, team.Name, team.Email)
        : Texts.Get(TextKey.ContactWithPhone, team.Name, team.Email, team.Phone);

    /// <summary>The owners' contacts, joined.</summary>
    public string Contacts(IEnumerable<ResolvedTeam> teams) => string.Join("; ", teams.Select(Contact));

    /// <summary>
    /// The full description, at most <see cref="MaxLength"/> characters. With many owners (a database shared by many
    /// teams) or long e-mails the contacts give way first, then the list in <paramref name="impact"/>, each cut with
    /// "…" at the same place on every compile; what happened and the first step stay whole. The dashboard and the
    /// topic subscriptions still name every team.
    /// </summary>
    public string Describe(string what, string impact, string owner, string step)
    {
        var text = Texts.Get(TextKey.DescriptionLayout, what, impact, owner, step);
        if (text.Length > MaxLength)
        {
            owner = Shorten(owner, owner.Length - (text.Length - MaxLength));
            text = Texts.Get(TextKey.DescriptionLayout, what, impact, owner, step);
        }

        if (text.Length > MaxLength)
        {
            impact = Shorten(impact, impact.Length - (text.Length - MaxLength));
            text = Texts.Get(TextKey.DescriptionLayout, what, impact, owner, step);
        }

        // Only Trilho's own texts are left, and none is that long.
        return text.Length <= MaxLength
            ? text
            : throw new InvalidOperationException($"Alarm description longer than {MaxLength} characters: {text}");
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : length <= 1 ? Ellipsis : text[..(length - 1)].TrimEnd() + Ellipsis;
}
