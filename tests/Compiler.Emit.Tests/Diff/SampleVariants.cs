using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Diff;

/// <summary>
/// The sample's dev environment compiled as <c>trilho compile</c> writes it, once per edit of its platform.yaml, so the
/// diff tests compare real pairs of compiled outputs. The edited text is analyzed as the sample's own file, so its
/// relative app sources resolve.
/// </summary>
public sealed class SampleVariants : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-diff-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> compiled = new(StringComparer.Ordinal);

    /// <summary>The sample as it is.</summary>
    public string Original => Compile("original", text => text);

    /// <summary>The folder of the environment compiled from the sample after <paramref name="edit"/>, under <paramref name="name"/>.</summary>
    public string Compile(string name, Func<string, string> edit, string environment = "dev")
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (compiled.TryGetValue(name, out var folder))
        {
            return folder;
        }

        var path = RepositoryPaths.Sample("desafio-aws");
        var original = File.ReadAllText(path);
        var text = edit(original);
        Assert.True(name == "original" || text != original, $"the edit '{name}' changed nothing");
        var frontEnd = FrontEnd.Analyze(path, text);
        Assert.False(frontEnd.HasErrors, string.Join("\n", frontEnd.Diagnostics.Select(d => d.ToCanonicalString())));
        var output = Path.Combine(root, name);
        OutputWriter.Write(PlatformSynthesizer.Synthesize(frontEnd.Platform!, new SynthesisOptions { Environment = environment }), output);
        folder = Path.Combine(output, environment);
        compiled[name] = folder;
        return folder;
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
