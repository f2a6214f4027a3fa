using Amazon.CDK;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Extensibility;

/// <summary>What an <see cref="IPlatformExtension"/> sees of one environment: its resolved settings and its stacks.</summary>
public sealed class ExtensionContext
{
    private readonly IReadOnlyDictionary<string, string> _appStackNames;

    /// <summary>Creates the context for <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment being synthesized, with every default applied.</param>
    /// <param name="stacks">Every stack of the environment, by stack name (e.g. <c>desafio-dev-network</c>).</param>
    /// <param name="appStackNames">The stack name of each app, by app id from platform.yaml.</param>
    public ExtensionContext(ResolvedEnvironment environment, IReadOnlyDictionary<string, Stack> stacks, IReadOnlyDictionary<string, string> appStackNames)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stacks);
        ArgumentNullException.ThrowIfNull(appStackNames);
        foreach (var (app, stackName) in appStackNames)
        {
            if (!stacks.ContainsKey(stackName))
            {
                throw new ArgumentException($"app '{app}' names stack '{stackName}', which is not among the stacks.", nameof(appStackNames));
            }
        }

        Environment = environment;
        Stacks = stacks;
        _appStackNames = appStackNames;
    }

    /// <summary>The environment being synthesized, e.g. <c>dev</c>, with its account, region, profile and apps.</summary>
    public ResolvedEnvironment Environment { get; }

    /// <summary>Every stack of the environment, by stack name.</summary>
    public IReadOnlyDictionary<string, Stack> Stacks { get; }

    /// <summary>The ids of the apps that have a stack of their own.</summary>
    public IEnumerable<string> AppIds => _appStackNames.Keys;

    /// <summary>The stack named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No stack has that name; the message lists the ones that exist.</exception>
    public Stack Stack(string name) =>
        Stacks.TryGetValue(name, out var stack)
            ? stack
            : throw new KeyNotFoundException($"no stack named '{name}' in environment '{Environment.Name}': the stacks are {string.Join(", ", Stacks.Keys)}.");

    /// <summary>The stack of the app <paramref name="appId"/> (its id in platform.yaml, e.g. <c>backend</c>).</summary>
    /// <exception cref="KeyNotFoundException">No app has that id; the message lists the ones that exist.</exception>
    public Stack AppStack(string appId) =>
        _appStackNames.TryGetValue(appId, out var name)
            ? Stacks[name]
            : throw new KeyNotFoundException($"no app '{appId}' in environment '{Environment.Name}': the apps are {string.Join(", ", _appStackNames.Keys)}.");
}
