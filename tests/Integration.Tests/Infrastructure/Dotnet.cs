using System.Diagnostics;
using System.Text;

namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>What a dotnet command did.</summary>
internal sealed record DotnetResult(int ExitCode, string Output)
{
    /// <summary>Fails with the whole output when the command did not succeed.</summary>
    public DotnetResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"dotnet exited with {ExitCode}:\n{Output}");
        return this;
    }
}

/// <summary>Runs the dotnet CLI as a developer would, isolated from the test host's own MSBuild environment.</summary>
internal static class Dotnet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgram(HostPath(), workingDirectory, environment, arguments);

    /// <summary>Runs <paramref name="file"/> (dotnet, an installed tool, a linter) with the same isolation and output capture.</summary>
    public static DotnetResult RunProgram(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
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

        // Variables that dotnet test sets for its own MSBuild would point the child build at the wrong SDK parts.
        foreach (var name in startInfo.Environment.Keys.Where(IsMSBuildVariable).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        // Reused nodes and compiler servers would outlive the test and keep its output pipes open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {Timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new DotnetResult(process.ExitCode, output.ToString());
        }
    }

    private static bool IsMSBuildVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string HostPath()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
