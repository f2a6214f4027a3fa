namespace Trilho.Compiler.Synthesis;

/// <summary>Writes a synthesis result to disk: <c>&lt;dir&gt;/&lt;env&gt;/&lt;stack&gt;.template.json</c> and <c>&lt;dir&gt;/&lt;env&gt;/deploy-plan.json</c>.</summary>
public static class OutputWriter
{
    /// <summary>The deploy plan's file name.</summary>
    public const string PlanFileName = "deploy-plan.json";

    /// <summary>Writes every environment of <paramref name="result"/> under <paramref name="directory"/>, replacing earlier output of those environments.</summary>
    public static IReadOnlyList<string> Write(SynthesisResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        foreach (var environment in result.Environments)
        {
            var folder = Path.Combine(directory, environment.Environment);
            Directory.CreateDirectory(folder);
            // A removed app must not leave a stale template behind that CI would still deploy.
            foreach (var stale in Directory.EnumerateFiles(folder, "*.template.json").Append(Path.Combine(folder, PlanFileName)).Where(File.Exists))
            {
                File.Delete(stale);
            }

            foreach (var stack in environment.Plan.Stacks)
            {
                written.Add(WriteFile(Path.Combine(folder, stack.FileName), stack.Template));
            }

            written.Add(WriteFile(Path.Combine(folder, PlanFileName), DeployPlanJson.Write(environment.Plan)));
        }

        return written;
    }

    private static string WriteFile(string path, string text)
    {
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
