using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

/// <summary>What a successful synthesis wrote and printed, stored under its key.</summary>
/// <param name="Environments">Every synthesized environment's files.</param>
/// <param name="Diagnostics">Emit diagnostics (warnings), in canonical form, in the order printed.</param>
/// <param name="Source">With diagnostics: hash of the file name and text they were located in; else null.</param>
public sealed record CacheEntry(IReadOnlyList<CachedEnvironment> Environments, IReadOnlyList<string> Diagnostics, string? Source);

/// <summary>
/// The synthesis cache (issue 15; docs/performance.md, "Synthesis cache"): a content-addressed store of a whole
/// compile's output, keyed by the resolved model, the environment selection, Trilho's build identity, CDK's version
/// and feature flags, and the extensions' assemblies. A hit writes the stored output without starting Node.js.
/// First version: one entry per compile (all selected environments), not per stack.
/// </summary>
public sealed class SynthesisCache
{
    private const string Format = "trilho-synthesis-cache/1";

    // Entries kept; older ones are deleted so the folder does not grow with every edit.
    private const int Retained = 16;

    private readonly string directory;

    /// <param name="directory">The cache folder; created on first store.</param>
    public SynthesisCache(string directory) => this.directory = directory;

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

    /// <summary>The key of a compile of <paramref name="platform"/> (only <paramref name="environment"/> when set) with the extension assemblies at <paramref name="extensionPaths"/>.</summary>
    public static string Key(ResolvedPlatform platform, string? environment, IReadOnlyList<string> extensionPaths)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(extensionPaths);
        var text = new StringBuilder()
            .Append(Format).Append('\n')
            .Append(BuildIdentity).Append('\n')
            .Append("env=").Append(environment ?? "*").Append('\n');
        foreach (var path in extensionPaths)
        {
            // The extension and every assembly beside it: a changed dependency changes what the extension does.
            text.Append("extension ").Append(Hash(File.ReadAllBytes(path))).Append('\n');
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            foreach (var dependency in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                text.Append(' ').Append(Path.GetFileName(dependency)).Append(' ').Append(Hash(File.ReadAllBytes(dependency))).Append('\n');
            }
        }

        text.Append(ModelFingerprint.Of(platform));
        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The hash stored with an entry that has diagnostics: their locations and wording come from this file's lines.</summary>
    public static string SourceHash(string file, string text) => Hash(Encoding.UTF8.GetBytes(file + "\n" + text));

    /// <summary>The entry stored under <paramref name="key"/> that applies to <paramref name="sourceHash"/>, or null.</summary>
    public CacheEntry? Find(string key, string sourceHash)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(path));
            return entry is not null && (entry.Source is null || entry.Source == sourceHash) ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // A damaged entry is a miss; the compile that follows replaces it.
            return null;
        }
    }

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/>, atomically, and drops the oldest entries beyond the retained count.</summary>
    public void Store(string key, CacheEntry entry)
    {
        Directory.CreateDirectory(directory);
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entry));
        File.Move(temporary, path, overwrite: true);
        foreach (var old in new DirectoryInfo(directory).EnumerateFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).Skip(Retained))
        {
            old.Delete();
        }
    }

    private string PathOf(string key) => Path.Combine(directory, key + ".json");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
