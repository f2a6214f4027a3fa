using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// Keys of one environment's stacks for the per-stack cache (docs/decisions/0019-synthesis-cache.md). A key covers
/// Trilho's build identity, everything platform-wide, the environment without its apps, and of every app all but the
/// fields that only its own stacks read (<see cref="OwnStacksOnly"/>), unless the stack is that app's or reads them
/// (<see cref="StackInputs"/>): an app's <c>scale.max</c> leaves the keys of the other apps' stacks and of most
/// environment stacks as they were; its id, team or path do not. What a stack imports is checked when it is replayed.
/// </summary>
public sealed class StackKeys
{
    /// <summary>
    /// App fields that, of the other stacks, only those whose <see cref="StackInputs"/> say so read. <c>StackKeysTests</c>
    /// changes each of them in one app and requires the stacks replayed from the cache to equal a cold compile.
    /// </summary>
    public static readonly IReadOnlySet<string> OwnStacksOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(ResolvedApiApp.Cpu),
        nameof(ResolvedApiApp.Memory),
        nameof(ResolvedApiApp.Scale),
        nameof(ResolvedApiApp.Env),
        nameof(ResolvedApiApp.Secrets),
        nameof(ResolvedApp.Slo),
        nameof(ResolvedStaticApp.Spa),
        nameof(ResolvedStaticApp.ContentSecurityPolicy),
    };

    private readonly string prefix;
    private readonly IReadOnlyList<ResolvedApp> apps;
    private readonly Dictionary<string, string[]> fingerprints = new(StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="environment"/>'s stacks in <paramref name="platform"/>.</summary>
    public StackKeys(ResolvedPlatform platform, ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(environment);
        prefix = new StringBuilder()
            .Append("trilho-stack-cache/1\n")
            .Append(SynthesisCache.BuildIdentity).Append('\n')
            .Append(SynthesisCache.PlatformWide(platform)).Append('\n')
            .Append(ModelFingerprint.Of(environment with { Apps = [] })).Append('\n')
            .ToString();
        apps = environment.Apps;
    }

    /// <summary>The key of stack <paramref name="stackName"/>, built from <paramref name="inputs"/>.</summary>
    public string For(string stackName, StackInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var leftOut = OwnStacksOnly.Except(inputs.AppFieldsRead).Order(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var set = string.Join(',', leftOut);
        if (!fingerprints.TryGetValue(set, out var others))
        {
            fingerprints[set] = others = [.. apps.Select(a => ModelFingerprint.Of(a, leftOut))];
        }

        var text = new StringBuilder(prefix).Append("stack ").Append(stackName).Append('\n');
        for (var i = 0; i < apps.Count; i++)
        {
            // The apps in order, as every stack sees them; the stack's own app in full.
            text.Append(apps[i].Id == inputs.Owner?.Id ? ModelFingerprint.Of(apps[i]) : others[i]).Append('\n');
        }

        return SynthesisCache.Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
