using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Cli.Init;

/// <summary>
/// Writes the files <c>trilho init</c> generates, and never overwrites one the user changed: <c>.config/trilho-init.json</c>
/// records the SHA-256 of each file as last written, and a file whose content no longer matches is left alone.
/// </summary>
internal sealed class GeneratedFiles
{
    public const string ManifestPath = ".config/trilho-init.json";
    private readonly string _root;
    private readonly JsonObject _hashes;

    public GeneratedFiles(string root)
    {
        _root = root;
        var manifest = Path.Combine(root, ManifestPath);
        _hashes = File.Exists(manifest) && JsonNode.Parse(File.ReadAllText(manifest)) is JsonObject o ? o : [];
    }

    /// <summary>What happened to each file, for the summary: "wrote", "updated", "unchanged" or "kept (changed by you)".</summary>
    public List<(string Path, string Outcome)> Outcomes { get; } = [];

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> unless the user changed the file since Trilho wrote it.</summary>
    public void Write(string relative, string content)
    {
        var full = Path.Combine(_root, relative);
        var hash = Hash(content);
        if (File.Exists(full))
        {
            var current = Hash(File.ReadAllText(full));
            if (current == hash)
            {
                _hashes[relative] = hash;
                Outcomes.Add((relative, "unchanged"));
                return;
            }

            if (RecordedHash(relative) != current)
            {
                Outcomes.Add((relative, "kept (changed by you, or not written by trilho init)"));
                return;
            }
        }

        var existed = File.Exists(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        _hashes[relative] = hash;
        Outcomes.Add((relative, existed ? "updated" : "wrote"));
    }

    /// <summary>Writes <paramref name="content"/> only when <paramref name="relative"/> does not exist (files that are the user's from the start).</summary>
    public void WriteOnce(string relative, string content)
    {
        var full = Path.Combine(_root, relative);
        if (File.Exists(full))
        {
            Outcomes.Add((relative, "kept (exists)"));
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Outcomes.Add((relative, "wrote"));
    }

    /// <summary>Saves the manifest.</summary>
    public void Save()
    {
        var full = Path.Combine(_root, ManifestPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var sorted = new JsonObject(_hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => KeyValuePair.Create(h.Key, h.Value?.DeepClone())));
        File.WriteAllText(full, sorted.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private string? RecordedHash(string relative) => _hashes[relative] is JsonValue v ? v.GetValue<string>() : null;

    private static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n"))));
}
