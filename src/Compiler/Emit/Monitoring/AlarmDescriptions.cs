using Trilho.Compiler.Emit.Monitoring.Texts;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Writes alarm descriptions in plain words: what happens, what customers feel, who owns it, the first step.</summary>
internal sealed class AlarmDescriptions(MonitoringTexts texts)
{
    /// <summary>CloudWatch rejects longer alarm descriptions.</summary>
    public const int MaxLength = 1024;

    /// <summary>The texts used.</summary>
    public MonitoringTexts Texts { get; } = texts;

    /// <summary>A team's name and contacts in one line.</summary>
    public string Contact(ResolvedTeam team) => string.IsNullOrEmpty(team.Phone)
        ? Texts.Get(TextKey.ContactWithoutPhone, team.Name, team.Email)
        : Texts.Get(TextKey.ContactWithPhone, team.Name, team.Email, team.Phone);

    /// <summary>The owners' contacts, joined.</summary>
    public string Contacts(IEnumerable<ResolvedTeam> teams) => string.Join("; ", teams.Select(Contact));

    /// <summary>The full description. Throws when too long rather than letting CloudFormation fail at deploy time.</summary>
    public string Describe(string what, string impact, string owner, string step)
    {
        var text = Texts.Get(TextKey.DescriptionLayout, what, impact, owner, step);
        return text.Length <= MaxLength
            ? text
            : throw new InvalidOperationException($"Alarm description longer than {MaxLength} characters: {text}");
    }
}
