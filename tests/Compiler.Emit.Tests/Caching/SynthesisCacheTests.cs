using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Emit.Tests.Caching;

/// <summary>The synthesis cache's key and store (issue 15), without synthesizing: what changes a key and what does not.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class SynthesisCacheTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-cache-unit-" + Guid.NewGuid().ToString("N"));

    private static string Sample => File.ReadAllText(RepositoryPaths.Sample("desafio-aws"));

    [Fact]
    public void A_comment_or_another_key_order_keeps_the_key_and_a_changed_value_changes_it()
    {
        var original = Key(Sample);
        var reordered = Sample.Replace("platform: desafio\n", string.Empty, StringComparison.Ordinal) + "\nplatform: desafio\n";
        Assert.NotEqual(Sample, reordered);

        Assert.Equal(original, Key("# a comment\n" + Sample));
        Assert.Equal(original, Key(reordered));
        Assert.NotEqual(original, Key(Sample.Replace("max: 4,", "max: 5,", StringComparison.Ordinal)));
        Assert.NotEqual(original, Key(Sample, "prod"));
    }

    [Fact]
    public void An_override_of_one_environment_changes_only_its_key_and_an_account_changes_every_environments_key()
    {
        var prodOverride = Sample.Replace("scale: { min: 3, max: 30 }", "scale: { min: 3, max: 31 }", StringComparison.Ordinal);
        Assert.NotEqual(Sample, prodOverride);
        Assert.Equal(Key(Sample, "dev"), Key(prodOverride, "dev"));
        Assert.NotEqual(Key(Sample, "prod"), Key(prodOverride, "prod"));

        // A shared value (the base scale of backend) reaches both environments.
        var shared = Sample.Replace("max: 4,", "max: 5,", StringComparison.Ordinal);
        Assert.NotEqual(Key(Sample, "dev"), Key(shared, "dev"));

        // Which environment is first in its account decides where the delivery stack creates the OIDC provider.
        var sameAccount = Sample.Replace("account: \"222222222222\"", "account: \"111111111111\"", StringComparison.Ordinal);
        Assert.NotEqual(Sample, sameAccount);
        Assert.NotEqual(Key(Sample, "dev"), Key(sameAccount, "dev"));
    }

    [Fact]
    public void Another_build_identity_changes_every_key()
    {
        var real = Key(Sample);
        try
        {
            SynthesisCache.IdentityOverride = "a fake build of Trilho";
            Assert.NotEqual(real, Key(Sample));
        }
        finally
        {
            SynthesisCache.IdentityOverride = null;
        }

        Assert.Equal(real, Key(Sample));
    }

    [Fact]
    public void An_entry_with_diagnostics_applies_only_to_the_same_source_text_and_a_damaged_entry_is_a_miss()
    {
        var cache = new SynthesisCache(root);
        var files = new CachedEnvironment("dev", [new CachedFile("deploy-plan.json", "{}")]);
        cache.Store("withdiagnostics", new CacheEntry(files, ["platform.yaml(3,1): warning TRL9999: stored"], "source-a"));
        cache.Store("without", new CacheEntry(files, [], null));

        Assert.Equal(["platform.yaml(3,1): warning TRL9999: stored"], cache.Find("withdiagnostics", "source-a")!.Diagnostics);
        Assert.Null(cache.Find("withdiagnostics", "source-b"));
        Assert.NotNull(cache.Find("without", "source-b"));
        Assert.Null(cache.Find("absent", "source-a"));

        File.WriteAllText(Path.Combine(root, "without.json"), "{ not json");
        Assert.Null(cache.Find("without", "source-b"));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Key(string text, string environment = "dev") => SynthesisCache.Keys(Resolve(text), [])[environment];

    private static Resolution.ResolvedPlatform Resolve(string text) =>
        FrontEnd.Analyze("platform.yaml", text).Platform ?? throw new InvalidOperationException("the sample must analyse");
}
