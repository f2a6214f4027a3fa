using System.Security.Cryptography;
using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>One environment's output files, in the order they are written (templates in deploy order, then the deploy plan).</summary>
/// <param name="Environment">The environment name.</param>
/// <param name="Files">File name and text.</param>
public sealed record CachedEnvironment(string Environment, IReadOnlyList<CachedFile> Files)
{
    /// <summary>The stack templates, in deploy order.</summary>
    public IEnumerable<string> Templates => Files.Where(f => f.Name.EndsWith(".template.json", StringComparison.Ordinal)).Select(f => f.Text);
}

/// <summary>One output file.</summary>
/// <param name="Name">File name inside the environment's folder.</param>
/// <param name="Text">Its content.</param>
public sealed record CachedFile(string Name, string Text);

/// <summary>What a successful synthesis of one environment wrote and printed, stored under its key.</summary>
/// <param name="Environment">The environment's files.</param>
/// <param name="Diagnostics">Its emit diagnostics (warnings), in canonical form, in the order printed.</param>
/// <param name="Source">With diagnostics: hash of the file name and text they were located in; else null.</param>
public sealed record CacheEntry(CachedEnvironment Environment, IReadOnlyList<string> Diagnostics, string? Source);

/// <summary>
/// The synthesis cache (issue 15; docs/performance.md, "Synthesis cache"): a content-addressed store of a whole
/// environment's output, keyed by what that environment's stacks are built from (its resolved model and the
/// platform-wide settings), Trilho's build identity, CDK's version and feature flags, and the extensions' assemblies.
/// An environment whose key is unchanged is written from the cache; when no environment changed, Node.js is not started.
/// Granularity: one entry per environment, not per stack (docs/performance.md, "Synthesis cache").
/// </summary>
public sealed class SynthesisCache
{
    private const string Format = "trilho-synthesis-cache/2";

    // Entries kept (environments, not compiles); older ones are deleted so the folder does not grow with every edit.
    private const int Retained = 48;

    private readonly CacheFolder folder;

    /// <param name="directory">The cache folder; created on first store.</param>
    public SynthesisCache(string directory) => folder = new CacheFolder(directory, Retained);

    /// <summary>Replaces Trilho's build identity in keys; tests set it to prove a new build invalidates every entry. Null: the real one.</summary>
    internal static string? IdentityOverride { get; set; }

    /// <summary>
    /// Trilho's build identity: the module version ids of the compiler and of CDK's and jsii's assemblies (deterministic
    /// builds change them exactly when the code changes), CDK's version and the feature flags synthesis sets.
    /// </summary>
    public static string BuildIdentity => IdentityOverride ?? string.Join(
        "\n",
        new[] { typeof(SynthesisCache), typeof(Amazon.CDK.App), typeof(Amazon.JSII.Runtime.JsiiException) }
            .Select(t => $"{t.Assembly.GetName().Name} {t.Assembly.GetName().Version} {t.Assembly.ManifestModule.ModuleVersionId}")
            .Concat(PlatformSynthesizer.FeatureFlagsForCache.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));

    /// <summary>
    /// The key of each environment of <paramref name="platform"/> (by name) compiled with the extension assemblies at
    /// <paramref name="extensionPaths"/>. What all environments share is read and hashed once.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Keys(ResolvedPlatform platform, IReadOnlyList<string> extensionPaths)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(extensionPaths);
        var shared = new StringBuilder()
            .Append(Format).Append('\n')
            .Append(BuildIdentity).Append('\n');
        foreach (var path in extensionPaths)
        {
            // The extension and every assembly beside it: a changed dependency changes what the extension does.
            shared.Append("extension ").Append(Hash(File.ReadAllBytes(path))).Append('\n');
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            foreach (var dependency in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                shared.Append(' ').Append(Path.GetFileName(dependency)).Append(' ').Append(Hash(File.ReadAllBytes(dependency))).Append('\n');
            }
        }

        var prefix = shared.Append(PlatformWide(platform)).Append("\nenvironment ").ToString();
        return platform.Environments.ToDictionary(
            e => e.Name,
            e => Hash(Encoding.UTF8.GetBytes(prefix + ModelFingerprint.Of(e))),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Everything platform-wide that a stack may read, but of the other environments only their names and accounts: the
    /// delivery stack creates the GitHub OIDC provider in the first environment of each account (DeliverySettings).
    /// </summary>
    internal static string PlatformWide(ResolvedPlatform platform) =>
        ModelFingerprint.Of(new PlatformInputs(platform with { Environments = [] }, [.. platform.Environments.Select(e => $"{e.Name} {e.Account}")]));

    /// <summary>The hash stored with an entry that has diagnostics: their locations and wording come from this file's lines.</summary>
    public static string SourceHash(string file, string text) => Hash(Encoding.UTF8.GetBytes(file + "\n" + text));

    /// <summary>The entry stored under <paramref name="key"/> that applies to <paramref name="sourceHash"/>, or null.</summary>
    public CacheEntry? Find(string key, string sourceHash) =>
        folder.Read<CacheEntry>(key) is { } entry && (entry.Source is null || entry.Source == sourceHash) ? entry : null;

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/>, atomically, and drops the oldest entries beyond the retained count.</summary>
    public void Store(string key, CacheEntry entry)
    {
        folder.Write(key, entry);
        folder.Prune();
    }

    // What every environment's output is built from besides the environment itself.
    private sealed record PlatformInputs(ResolvedPlatform Platform, IReadOnlyList<string> EnvironmentAccounts);

    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
