namespace Trilho.Compiler.Cli.Delivery;

/// <summary>The command line is wrong: the message says what, and the command's usage follows it (exit 2).</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception with the message shown to the user.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
