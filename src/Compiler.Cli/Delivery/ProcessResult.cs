namespace Trilho.Compiler.Cli.Delivery;

/// <summary>What a child process did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Stdout">Everything it wrote on standard output.</param>
/// <param name="Stderr">Everything it wrote on standard error.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>True when the process exited 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
