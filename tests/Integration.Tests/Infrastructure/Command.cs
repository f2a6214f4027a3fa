using System.Diagnostics;
using System.Text;

namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>Runs a program other than dotnet (an installed tool, a linter) the way a user's shell would.</summary>
internal static class Command
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static DotnetResult Run(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(n => n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        var output = new StringBuilder(stdout.GetAwaiter().GetResult()).Append(stderr.GetAwaiter().GetResult());
        return new DotnetResult(process.ExitCode, output.ToString());
    }
}
