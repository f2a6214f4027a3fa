using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis;

/// <summary>Writes a synthesis result to disk: <c>&lt;dir&gt;/&lt;env&gt;/&lt;stack&gt;.template.json</c> and <c>&lt;dir&gt;/&lt;env&gt;/deploy-plan.json</c>.</summary>
public static class OutputWriter
{
    /// <summary>The deploy plan's file name.</summary>
    public const string PlanFileName = "deploy-plan.json";

    /// <summary>Writes every environment of <paramref name="result"/> under <paramref name="directory"/>, replacing earlier output of those environments.</summary>
    public static IReadOnlyList<string> Write(SynthesisResult result, string directory) => Write(Files(result), directory);

    /// <summary>The files each environment of <paramref name="result"/> writes: templates in deploy order, then the deploy plan.</summary>
    public static IReadOnlyList<CachedEnvironment> Files(SynthesisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Environments.Select(e => new CachedEnvironment(
            e.Environment,
            [.. e.Plan.Stacks.Select(s => new CachedFile(s.FileName, s.Template)), new CachedFile(PlanFileName, DeployPlanJson.Write(e.Plan))]))];
    }

    /// <summary>Writes <paramref name="environments"/> under <paramref name="directory"/>, replacing earlier output of those environments.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<CachedEnvironment> environments, string directory)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var written = new List<string>();
        foreach (var environment in environments)
        {
            var folder = Path.Combine(directory, environment.Environment);
            Directory.CreateDirectory(folder);
            // A removed app must not leave a stale template behind that CI would still deploy.
            foreach (var stale in Directory.EnumerateFiles(folder, "*.template.json").Append(Path.Combine(folder, PlanFileName)).Where(File.Exists))
            {
                File.Delete(stale);
            }

            foreach (var file in environment.Files)
            {
                written.Add(WriteFile(Path.Combine(folder, file.Name), file.Text));
            }
        }

        return written;
    }

    private static string WriteFile(string path, string text)
    {
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
