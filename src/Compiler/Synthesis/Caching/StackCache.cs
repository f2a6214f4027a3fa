using System.Text.Json;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// The per-stack cache (docs/decisions/0019-synthesis-cache.md): an app's stacks stored under their <see cref="StackKeys"/>
/// key, so that an environment synthesized again rebuilds only the app stacks whose inputs changed.
/// </summary>
public sealed class StackCache
{
    // Stacks kept: about three compiles of 30 apps x 3 environments. Older ones are deleted so the folder does not grow.
    private const int Retained = 1000;

    private readonly string directory;

    /// <param name="directory">The folder; created on first store.</param>
    /// <param name="keys">The keys of the environment being synthesized.</param>
    public StackCache(string directory, StackKeys keys)
    {
        this.directory = directory;
        Keys = keys;
    }

    /// <summary>The keys of the environment being synthesized.</summary>
    public StackKeys Keys { get; }

    /// <summary>The stack stored under <paramref name="key"/>, or null.</summary>
    public StackEntry? Find(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StackEntry>(File.ReadAllText(path));
            // Read entries are the ones worth keeping: pruning drops the least recently written.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return stored;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            // A damaged entry is a miss; the synthesis that follows replaces it.
            return null;
        }
    }

    /// <summary>Stores <paramref name="stack"/> under <paramref name="key"/>, atomically.</summary>
    public void Store(string key, StackEntry stack)
    {
        Directory.CreateDirectory(directory);
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stack));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes all but the most recently written or read stacks.</summary>
    public void Prune()
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var old in new DirectoryInfo(directory).EnumerateFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).Skip(Retained))
        {
            old.Delete();
        }
    }

    private string PathOf(string key) => Path.Combine(directory, key + ".json");
}
