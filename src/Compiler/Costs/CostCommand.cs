using System.Text;

namespace Trilho.Compiler.Costs;

/// <summary>What <c>trilho cost</c> does, kept in the library so the command line stays a thin switch.</summary>
public static class CostCommand
{
    /// <summary>Prints every diagnostic, then each environment's estimate table and summary line. Returns 1 on input errors, else 0.</summary>
    public static int Print(string file, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var costs = PlatformCosts.AnalyzeFile(file);
        foreach (var diagnostic in costs.FrontEnd.Diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }

        foreach (var estimate in costs.Estimates)
        {
            foreach (var diagnostic in estimate.Diagnostics)
            {
                output.WriteLine(diagnostic.ToCanonicalString());
            }

            output.Write(CostMarkdown.Render(estimate).Replace("\n", output.NewLine, StringComparison.Ordinal));
            output.WriteLine();
            output.WriteLine(estimate.ToSummaryLine());
            output.WriteLine();
        }

        return costs.FrontEnd.HasErrors ? 1 : 0;
    }

    /// <summary>Writes costs.md and costs-chart.svg for the platform in <paramref name="file"/> into <paramref name="directory"/>. Returns 1 on input errors, else 0.</summary>
    public static int Compare(string file, string directory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var costs = PlatformCosts.AnalyzeFile(file);
        if (costs.FrontEnd.HasErrors || costs.FrontEnd.Platform is null)
        {
            foreach (var diagnostic in costs.FrontEnd.Diagnostics)
            {
                output.WriteLine(diagnostic.ToCanonicalString());
            }

            return 1;
        }

        var comparison = CostComparison.Build(costs.FrontEnd.Platform, costs.Usage);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var page = Path.Combine(directory, "costs.md");
        var chart = Path.Combine(directory, CostComparisonDocument.ChartFileName);
        File.WriteAllText(page, CostComparisonDocument.Render(comparison), utf8);
        File.WriteAllText(chart, CostChart.Render(comparison), utf8);
        output.WriteLine($"wrote {page}");
        output.WriteLine($"wrote {chart}");
        return 0;
    }
}
