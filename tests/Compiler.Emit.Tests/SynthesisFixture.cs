using System.Diagnostics;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests;

/// <summary>Synthesizes every golden case once per test run; CDK (Node.js) starts once and every test reads the results.</summary>
public sealed class SynthesisFixture
{
    public SynthesisFixture()
    {
        var watch = Stopwatch.StartNew();
        Cases = Directory.EnumerateDirectories(RepositoryPaths.GoldenCases)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToDictionary(name => name!, name => Synthesize(Path.Combine(RepositoryPaths.GoldenCases, name!, "platform.yaml")), StringComparer.Ordinal);
        SynthesisTime = watch.Elapsed;
    }

    /// <summary>Synthesis result per golden case folder name.</summary>
    public IReadOnlyDictionary<string, SynthesisResult> Cases { get; }

    /// <summary>Wall time of synthesizing every case, including CDK start-up.</summary>
    public TimeSpan SynthesisTime { get; }

    /// <summary>The brief: samples/desafio-aws as a golden case.</summary>
    public SynthesisResult Desafio => Cases["desafio-aws"];

    public static SynthesisResult Synthesize(string platformYaml)
    {
        var frontEnd = FrontEnd.AnalyzeFile(platformYaml);
        Assert.False(frontEnd.HasErrors, string.Join("\n", frontEnd.Diagnostics.Select(d => d.ToCanonicalString())));
        var result = PlatformSynthesizer.Synthesize(frontEnd.Platform!, new SynthesisOptions { Document = frontEnd.Document });
        Assert.Empty(result.Diagnostics.Select(d => d.ToCanonicalString()));
        return result;
    }

    public Template Stack(string caseName, string environment, string stackSuffix)
    {
        var plan = Plan(caseName, environment);
        return Template.Of(plan.Stacks.Single(s => s.StackName == $"{plan.Platform}-{environment}-{stackSuffix}"));
    }

    public DeployPlan Plan(string caseName, string environment) =>
        Cases[caseName].Environments.Single(e => e.Environment == environment).Plan;

    /// <summary>Every environment of every golden case, resolved, with the templates it emitted.</summary>
    public IEnumerable<(Resolution.ResolvedEnvironment Environment, IReadOnlyList<string> Templates)> GoldenEnvironments()
    {
        foreach (var (name, result) in Cases)
        {
            var platform = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, name, "platform.yaml")).Platform!;
            foreach (var synthesized in result.Environments)
            {
                yield return (platform.Environments.Single(e => e.Name == synthesized.Environment), synthesized.Plan.Stacks.Select(s => s.Template).ToList());
            }
        }
    }

    public IEnumerable<Template> AllTemplates() =>
        Cases.Values.SelectMany(r => r.Environments).SelectMany(e => e.Plan.Stacks).Select(Template.Of);
}
