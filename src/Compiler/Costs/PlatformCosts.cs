using Trilho.Compiler.Model;

namespace Trilho.Compiler.Costs;

/// <summary>The cost estimates of a whole platform.yaml, with the front end's diagnostics.</summary>
/// <param name="FrontEnd">What the front end made of the file; no estimates when it has errors.</param>
/// <param name="Usage">The file's <c>usage</c> section, or null.</param>
/// <param name="Estimates">One estimate per environment, ordered by environment id.</param>
public sealed record PlatformCosts(FrontEndResult FrontEnd, UsageSpec? Usage, IReadOnlyList<CostEstimate> Estimates)
{
    /// <summary>Analyses <paramref name="text"/> and estimates every environment; <paramref name="file"/> is the name diagnostics print.</summary>
    public static PlatformCosts Analyze(string file, string text)
    {
        var result = Compiler.FrontEnd.Analyze(file, text);
        if (result.HasErrors || result.Platform is null)
        {
            return new PlatformCosts(result, null, []);
        }

        var usage = result.Platform.Usage;
        var estimates = result.Platform.Environments.Select(e => CostEstimator.Estimate(e, usage)).ToList();
        return new PlatformCosts(result, usage, estimates);
    }

    /// <summary>Reads and analyses the file at <paramref name="path"/>.</summary>
    public static PlatformCosts AnalyzeFile(string path) => Analyze(path, File.ReadAllText(path));
}
