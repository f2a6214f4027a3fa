using System.Text.Json;

namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>A folder of JSON entries named by key: read as a miss when missing or damaged, written atomically, pruned by age.</summary>
internal sealed class CacheFolder(string directory, int retained)
{
    /// <summary>The entry stored under <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    public T? Read<T>(string key)
        where T : class
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            // A damaged entry is a miss; the synthesis that follows replaces it.
            return null;
        }
    }

    /// <summary>Marks the entry under <paramref name="key"/> as just used, so pruning keeps it.</summary>
    public void Touch(string key)
    {
        try
        {
            File.SetLastWriteTimeUtc(PathOf(key), DateTime.UtcNow);
        }
        catch (IOException)
        {
            // Another compile sharing the folder pruned it after it was read: what was read is still whole.
        }
    }

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/>: a concurrent reader sees the old entry or the new one, never half.</summary>
    public void Write<T>(string key, T entry)
    {
        Directory.CreateDirectory(directory);
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entry));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes all but the most recently written (or touched) entries.</summary>
    public void Prune()
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var old in new DirectoryInfo(directory).EnumerateFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).Skip(retained))
        {
            old.Delete();
        }
    }

    private string PathOf(string key) => Path.Combine(directory, key + ".json");
}
