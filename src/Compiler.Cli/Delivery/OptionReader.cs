namespace Trilho.Compiler.Cli.Delivery;

/// <summary>Reads a command's arguments: one positional argument, <c>--name value</c> options (some repeatable) and flags.</summary>
public sealed class OptionReader
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="arguments"/>; <paramref name="valued"/> take a value, <paramref name="flags"/> do not.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value, or more than one positional argument.</exception>
    public OptionReader(IReadOnlyList<string> arguments, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(valued);
        ArgumentNullException.ThrowIfNull(flags);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (valued.Contains(argument))
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{argument} needs a value");
                }

                if (!_values.TryGetValue(argument, out var list))
                {
                    _values[argument] = list = [];
                }

                list.Add(arguments[++i]);
            }
            else if (flags.Contains(argument))
            {
                _flags.Add(argument);
            }
            else if (argument.StartsWith('-'))
            {
                throw new UsageException($"unknown option {argument}");
            }
            else if (Positional is not null)
            {
                throw new UsageException($"one argument expected; got '{Positional}' and '{argument}'");
            }
            else
            {
                Positional = argument;
            }
        }
    }

    /// <summary>The positional argument, or null.</summary>
    public string? Positional { get; }

    /// <summary>The last value of <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value of <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of <paramref name="name"/>; a usage error when absent.</summary>
    public string Required(string name, string what) => Value(name) ?? throw new UsageException($"missing {name} <{what}>");

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);
}
