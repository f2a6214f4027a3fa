using BenchmarkDotNet.Attributes;
using Trilho.Compiler;

namespace Trilho.Benchmarks;

/// <summary>In-process cost of `trilho check`: load, validate, bind and resolve, with no process start.</summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private string sample = string.Empty;
    private string thirtyApps = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        sample = File.ReadAllText(Trilho.Testing.RepositoryRoot.Combine("samples", "desafio-aws", "platform.yaml"));
        thirtyApps = PlatformGenerator.Generate(apps: 30, environments: 3);
    }

    [Benchmark(Baseline = true)]
    public FrontEndResult Sample() => FrontEnd.Analyze("platform.yaml", sample);

    [Benchmark]
    public FrontEndResult ThirtyAppsThreeEnvironments() => FrontEnd.Analyze("platform.yaml", thirtyApps);
}
