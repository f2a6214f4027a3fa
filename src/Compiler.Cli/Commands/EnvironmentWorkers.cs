using System.Diagnostics;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>
/// <c>trilho compile --workers n</c>: compiles each environment in a process of its own (this CLI again, with
/// <c>--env</c>), at most <c>n</c> at a time. jsii is not thread-safe, so processes are the only way to use more cores;
/// each pays Node.js's start-up and CDK's warm-up again, which on 2 cores costs more than it saves (docs/performance.md).
/// Each worker writes into a scratch folder; the environments reach <c>--out</c> only when every worker succeeded, so
/// the output is what one process writes, byte for byte, and nothing is written when any environment fails.
/// </summary>
internal static class EnvironmentWorkers
{
    /// <summary>Worker count when <c>--workers</c> is not given: one, in-process, everywhere it was measured to pay (see docs/performance.md).</summary>
    public const int Default = 1;

    /// <summary>Runs the workers and prints their output in environment order; returns the exit code.</summary>
    /// <param name="file">The platform file.</param>
    /// <param name="output">The <c>--out</c> folder.</param>
    /// <param name="environments">Names of the environments, in platform.yaml order.</param>
    /// <param name="extensions">The <c>--extension</c> assemblies.</param>
    /// <param name="workers">How many run at once.</param>
    /// <param name="printed">Lines already printed (the front end's diagnostics, which each worker prints again).</param>
    /// <param name="stdout">Where the workers' output goes.</param>
    public static int Run(string file, string output, IReadOnlyList<string> environments, string[] extensions, int workers, IReadOnlySet<string> printed, TextWriter stdout)
    {
        var scratch = Directory.CreateTempSubdirectory("trilho-workers-").FullName;
        try
        {
            var runs = new (int Code, string Output)[environments.Count];
            Parallel.For(0, environments.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
                runs[i] = Compile(file, Path.Combine(scratch, environments[i]), environments[i], extensions));

            // A failed run writes nothing, so then the successful workers' "wrote" lines would be untrue.
            var failed = runs.Any(r => r.Code != 0);
            for (var i = 0; i < environments.Count; i++)
            {
                foreach (var line in runs[i].Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')))
                {
                    var wrote = line.StartsWith("wrote ", StringComparison.Ordinal) || line.Contains("; wrote ", StringComparison.Ordinal);
                    if (!printed.Contains(line) && !(failed && wrote))
                    {
                        stdout.WriteLine(line.Replace(Path.Combine(scratch, environments[i]), output, StringComparison.Ordinal));
                    }
                }
            }

            if (failed)
            {
                return runs.Max(r => r.Code);
            }

            for (var i = 0; i < environments.Count; i++)
            {
                Publish(Path.Combine(scratch, environments[i], environments[i]), Path.Combine(output, environments[i]));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static (int Code, string Output) Compile(string file, string output, string environment, string[] extensions)
    {
        var start = Self();
        foreach (var argument in (string[])["compile", file, "--out", output, "--env", environment, "--workers", "1", "--no-cache", .. extensions.SelectMany(e => new[] { "--extension", e })])
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a compile worker.");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text);
    }

    // This CLI again: its apphost when it runs as one, else `dotnet trilho.dll` with the host running now.
    private static ProcessStartInfo Self()
    {
        var assembly = typeof(EnvironmentWorkers).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == Path.GetFileNameWithoutExtension(assembly))
        {
            return new ProcessStartInfo(host);
        }

        var dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet);
        start.ArgumentList.Add(assembly);
        return start;
    }

    // What OutputWriter does for one environment: stale templates and plan go, the new files replace them.
    private static void Publish(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var stale in Directory.EnumerateFiles(to, "*.template.json").Append(Path.Combine(to, OutputWriter.PlanFileName)).Where(File.Exists))
        {
            File.Delete(stale);
        }

        foreach (var source in Directory.EnumerateFiles(from))
        {
            File.Copy(source, Path.Combine(to, Path.GetFileName(source)), overwrite: true);
        }
    }
}
