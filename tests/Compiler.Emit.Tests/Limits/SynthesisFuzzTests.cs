using System.Diagnostics;
using Trilho.Compiler.Synthesis;
using Trilho.Testing;
using Xunit.Abstractions;

namespace Trilho.Compiler.Emit.Tests.Limits;

/// <summary>
/// Generated platforms (tests/Shared/GeneratedPlatform.cs: up to 12 teams, 3 apps, names at their limits) through full
/// synthesis: each one the front end accepts synthesizes, or fails with located TRL4xxx diagnostics; never an
/// exception. Seeds 0..23 in CI, in this one process (CDK starts once, jsii is not thread-safe); TRILHO_FUZZ_DEPTH=n runs
/// n times as many. A failure names its seed: GeneratedPlatform.Generate(seed, Synthesizable) rebuilds it.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class SynthesisFuzzTests(ITestOutputHelper output)
{
    private const int Documents = 24;

    [Fact]
    public void Generated_platforms_synthesize_or_fail_with_located_emit_diagnostics()
    {
        var count = Documents * GeneratedPlatform.Depth;
        output.WriteLine($"synthesis fuzz: seeds 0..{count - 1} (GeneratedSize.Synthesizable)");
        var watch = Stopwatch.StartNew();
        var synthesized = 0;
        for (var seed = 0; seed < count; seed++)
        {
            var text = GeneratedPlatform.Generate(seed, GeneratedSize.Synthesizable);
            var frontEnd = FrontEnd.Analyze("platform.yaml", text);
            if (frontEnd.Platform is null)
            {
                continue;
            }

            SynthesisResult result;
            try
            {
                result = PlatformSynthesizer.Synthesize(frontEnd.Platform, new SynthesisOptions { Document = frontEnd.Document });
            }
#pragma warning disable CA1031 // The seed is the finding: any exception fails the test with it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Assert.Fail($"seed {seed}: synthesis threw {e.GetType().Name}: {e.Message}\n{text}");
                return;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine($"seed {seed}: {diagnostic.ToCanonicalString()}");
                Assert.True(diagnostic.Id.StartsWith("TRL4", StringComparison.Ordinal) && diagnostic.Location is { Line: > 0 }, $"seed {seed}: {diagnostic.ToCanonicalString()}\n{text}");
            }

            synthesized++;
        }

        output.WriteLine($"{synthesized} of {count} synthesized in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(synthesized * 2 > count, $"only {synthesized} of {count} generated platforms passed the front end");
    }
}
