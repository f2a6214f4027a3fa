namespace Trilho.Compiler.Cli.Delivery;

/// <summary>A delivery command cannot go on: the message says what happened and what to do; no stack trace is shown.</summary>
public class DeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryException()
    {
    }

    /// <summary>Creates the exception with the message shown to the user.</summary>
    public DeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The step being run when it failed, e.g. <c>step 4/6 (deployStack x in sa-east-1)</c>; null outside a plan.</summary>
    public string? Step { get; set; }
}
