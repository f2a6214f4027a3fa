namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// The per-stack cache (docs/decisions/0019-synthesis-cache.md): an app's stacks stored under their <see cref="StackKeys"/>
/// key, so that an environment synthesized again rebuilds only the app stacks whose inputs changed.
/// </summary>
public sealed class StackCache
{
    // Stacks kept: about three compiles of 30 apps x 3 environments. Older ones are deleted so the folder does not grow.
    private const int Retained = 1000;

    private readonly CacheFolder folder;

    /// <param name="directory">The folder; created on first store.</param>
    /// <param name="keys">The keys of the environment being synthesized.</param>
    public StackCache(string directory, StackKeys keys)
    {
        folder = new CacheFolder(directory, Retained);
        Keys = keys;
    }

    /// <summary>The keys of the environment being synthesized.</summary>
    public StackKeys Keys { get; }

    /// <summary>The stack stored under <paramref name="key"/>, or null.</summary>
    public StackEntry? Find(string key)
    {
        var stored = folder.Read<StackEntry>(key);
        if (stored is not null)
        {
            // Read entries are the ones worth keeping: pruning drops the least recently written.
            folder.Touch(key);
        }

        return stored;
    }

    /// <summary>Stores <paramref name="stack"/> under <paramref name="key"/>, atomically.</summary>
    public void Store(string key, StackEntry stack) => folder.Write(key, stack);

    /// <summary>Deletes all but the most recently written or read stacks.</summary>
    public void Prune() => folder.Prune();
}
