using System.Diagnostics;
using Trilho.Testing;
using Xunit.Abstractions;

namespace Trilho.Compiler.Tests;

/// <summary>
/// Generated schema-following platforms (tests/Shared/GeneratedPlatform.cs) through load, schema, bind, validation and
/// resolution: each is accepted or rejected with located TRL diagnostics, never an exception. Seeds 0..1999 in CI;
/// TRILHO_FUZZ_DEPTH=n runs n times as many. A failure names its seed: GeneratedPlatform.Generate(seed, Large) rebuilds it.
/// </summary>
public class FrontEndFuzzTests(ITestOutputHelper output)
{
    private const int Documents = 2000;

    [Fact]
    public void Generated_platforms_compile_or_fail_with_located_diagnostics()
    {
        var count = Documents * GeneratedPlatform.Depth;
        output.WriteLine($"front-end fuzz: seeds 0..{count - 1} (GeneratedSize.Large)");
        var watch = Stopwatch.StartNew();
        var accepted = 0;
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var seed = 0; seed < count; seed++)
        {
            var text = GeneratedPlatform.Generate(seed, GeneratedSize.Large);
            FrontEndResult result;
            try
            {
                result = FrontEnd.Analyze("platform.yaml", text);
            }
#pragma warning disable CA1031 // The seed is the finding: any exception fails the test with it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Assert.Fail($"seed {seed}: the front end threw {e.GetType().Name}: {e.Message}\n{text}");
                return;
            }

            Assert.True(result.HasErrors || result.Platform is not null, $"seed {seed}: no error and no platform\n{text}");
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.True(diagnostic.Id.StartsWith("TRL", StringComparison.Ordinal) && diagnostic.Location is { Line: > 0, Column: > 0 }, $"seed {seed}: {diagnostic.ToCanonicalString()}\n{text}");
            }

            accepted += result.Platform is null ? 0 : 1;
            foreach (var id in result.Diagnostics.Where(d => d.Severity == Trilho.Compiler.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Id).Distinct())
            {
                rejections[id] = rejections.GetValueOrDefault(id) + 1;
                examples.TryAdd(id, $"seed {seed}: {result.Diagnostics.First(d => d.Id == id).ToCanonicalString()}");
            }
        }

        output.WriteLine($"{accepted} of {count} accepted in {watch.Elapsed.TotalSeconds:F1} s; rejected with {string.Join(", ", rejections.OrderByDescending(r => r.Value).Select(r => $"{r.Key} x{r.Value}"))}");
        foreach (var example in examples.Values)
        {
            output.WriteLine(example);
        }

        // The generator follows the schema; most documents failing would mean it tests only the error paths.
        Assert.True(accepted * 2 > count, $"only {accepted} of {count} generated platforms passed the front end");
    }
}
