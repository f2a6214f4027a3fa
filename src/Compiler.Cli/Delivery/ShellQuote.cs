using System.Text.RegularExpressions;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>Quotes arguments for the logs the way a POSIX shell would read them back, so a printed command can be pasted.</summary>
public static partial class ShellQuote
{
    /// <summary>Joins <paramref name="arguments"/> with spaces, single-quoting those that need it.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    /// <summary>One argument, single-quoted unless it is made of safe characters.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return Safe().IsMatch(argument) ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    [GeneratedRegex(@"^[\w@%+=:,./-]+$")]
    private static partial Regex Safe();
}
