using System.Diagnostics;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// The programs the delivery commands drive as processes: the AWS CLI (AWSSDK.CloudFormation is not available to
/// Trilho, and every CI runner has the CLI), Docker, the .NET SDK and a POSIX shell. Tests point them at fakes.
/// </summary>
/// <param name="Aws">The AWS CLI v2 executable.</param>
/// <param name="Docker">The Docker CLI.</param>
/// <param name="Dotnet">The dotnet host.</param>
/// <param name="Shell">The shell that runs user commands (build commands, push commands).</param>
/// <param name="Environment">Variables added to every child's environment.</param>
public sealed record Tools(string Aws, string Docker, string Dotnet, string Shell, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The programs on PATH; <c>TRILHO_AWS_CLI</c>, <c>TRILHO_DOCKER</c> and <c>TRILHO_DOTNET</c> override them (a wrapper, or a fake in tests).</summary>
    public static Tools FromEnvironment() => new(
        System.Environment.GetEnvironmentVariable("TRILHO_AWS_CLI") is { Length: > 0 } aws ? aws : "aws",
        System.Environment.GetEnvironmentVariable("TRILHO_DOCKER") is { Length: > 0 } docker ? docker : "docker",
        System.Environment.GetEnvironmentVariable("TRILHO_DOTNET") is { Length: > 0 } dotnet ? dotnet : "dotnet",
        "sh",
        new Dictionary<string, string>());

    /// <summary>Runs <paramref name="file"/> and collects its output; never throws for a non-zero exit.</summary>
    /// <exception cref="DeliveryException">The program cannot be started (not installed, not on PATH).</exception>
    public ProcessResult Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment.Concat(environment ?? new Dictionary<string, string>()))
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DeliveryException($"cannot run '{file}': {e.Message}. {Hint(file)}");
        }

        // Both streams are read concurrently: a child that fills one pipe while we wait on the other would hang.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private string Hint(string file) =>
        file == Aws ? "Install the AWS CLI v2 (GitHub's ubuntu runners have it) or set TRILHO_AWS_CLI."
        : file == Docker ? "Install Docker, or build the image with a .NET project (source.project) which needs no Docker engine."
        : "Is it installed and on PATH?";
}
