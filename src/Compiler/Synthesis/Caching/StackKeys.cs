using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// Keys of the stacks that belong to one app (its app stack and its monitoring stacks) in one environment, for the
/// per-stack cache (docs/decisions/0019-synthesis-cache.md). A key covers Trilho's build identity, everything
/// platform-wide, the environment without its apps, the app itself, and of every other app all but the fields that
/// only its own stacks read (<see cref="OwnStacksOnly"/>): another app's <c>scale.max</c> leaves the key as it was,
/// its id, team or path do not. What the stack imports from other stacks is checked when it is replayed.
/// </summary>
public sealed class StackKeys
{
    /// <summary>
    /// App fields no stack of another app reads. <c>StackKeysTests</c> changes each of them in one app and requires every
    /// other app's stacks, replayed from the cache, to equal a cold compile.
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
    private readonly string[] summaries;

    /// <summary>The keys of <paramref name="environment"/>'s app stacks in <paramref name="platform"/>.</summary>
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
        summaries = [.. apps.Select(a => ModelFingerprint.Of(a, OwnStacksOnly))];
    }

    /// <summary>The key of stack <paramref name="stackName"/>, one of <paramref name="app"/>'s stacks.</summary>
    public string For(string stackName, ResolvedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var text = new StringBuilder(prefix).Append("stack ").Append(stackName).Append('\n');
        for (var i = 0; i < apps.Count; i++)
        {
            // The apps in order, as every stack sees them; the stack's own app in full.
            text.Append(apps[i].Id == app.Id ? ModelFingerprint.Of(app) : summaries[i]).Append('\n');
        }

        return SynthesisCache.Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
