namespace Trilho.Compiler.Cli.Delivery;

/// <summary>A stack deploy (or an image push) failed in AWS: the error and the stack's latest events explain why.</summary>
public sealed class StackFailure : DeliveryException
{
    /// <summary>Creates the failure.</summary>
    public StackFailure()
    {
    }

    /// <summary>Creates the failure with the AWS error.</summary>
    public StackFailure(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure with the AWS error and its cause.</summary>
    public StackFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the failure of <paramref name="stack"/> in <paramref name="region"/>.</summary>
    public StackFailure(string stack, string region, string message, string? events)
        : base(message)
    {
        Stack = stack;
        Region = region;
        Events = events;
    }

    /// <summary>The stack that failed.</summary>
    public string Stack { get; } = string.Empty;

    /// <summary>Its region.</summary>
    public string Region { get; } = string.Empty;

    /// <summary>The stack's latest events, failures first, as lines; null when not read.</summary>
    public string? Events { get; }
}
