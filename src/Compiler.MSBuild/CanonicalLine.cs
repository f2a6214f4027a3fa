using System.Globalization;
using System.Text.RegularExpressions;

namespace Trilho.Compiler.MSBuild;

/// <summary>One diagnostic line printed by the compiler in MSBuild's canonical form.</summary>
/// <param name="File">The file as printed, or null for <c>trilho: error TRL...</c> lines without a location.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="IsError">True for <c>error</c>, false for <c>warning</c>.</param>
/// <param name="Code">The diagnostic id, e.g. <c>TRL2001</c>.</param>
/// <param name="Message">The text after the code.</param>
internal sealed partial record CanonicalLine(string? File, int Line, int Column, bool IsError, string Code, string Message)
{
    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a diagnostic (e.g. a progress line).</summary>
    public static CanonicalLine? TryParse(string text)
    {
        var located = LocatedPattern().Match(text);
        if (located.Success)
        {
            return new CanonicalLine(
                located.Groups["file"].Value,
                int.Parse(located.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(located.Groups["column"].Value, CultureInfo.InvariantCulture),
                located.Groups["severity"].Value == "error",
                located.Groups["code"].Value,
                located.Groups["message"].Value);
        }

        var unlocated = UnlocatedPattern().Match(text);
        return unlocated.Success
            ? new CanonicalLine(null, 0, 0, unlocated.Groups["severity"].Value == "error", unlocated.Groups["code"].Value, unlocated.Groups["message"].Value)
            : null;
    }

    // The forms Diagnostic.ToCanonicalString prints: "file(line,col): error TRL2001: message" and "trilho: error TRL2001: message".
    private const string Located = @"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<code>TRL\d+): (?<message>.*)$";
    private const string Unlocated = @"^trilho: (?<severity>error|warning) (?<code>TRL\d+): (?<message>.*)$";

#if NET
    [GeneratedRegex(Located, RegexOptions.CultureInvariant)]
    private static partial Regex LocatedPattern();

    [GeneratedRegex(Unlocated, RegexOptions.CultureInvariant)]
    private static partial Regex UnlocatedPattern();
#else
    // .NET Framework 4.7.2 (the Visual Studio task) has no regex source generator.
    private static readonly Regex LocatedRegex = new(Located, RegexOptions.CultureInvariant);
    private static readonly Regex UnlocatedRegex = new(Unlocated, RegexOptions.CultureInvariant);

    private static Regex LocatedPattern() => LocatedRegex;

    private static Regex UnlocatedPattern() => UnlocatedRegex;
#endif
}
