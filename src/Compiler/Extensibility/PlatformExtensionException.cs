namespace Trilho.Compiler.Extensibility;

/// <summary>An <see cref="IPlatformExtension"/> failed; names the extension and the environment.</summary>
public sealed class PlatformExtensionException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public PlatformExtensionException()
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public PlatformExtensionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public PlatformExtensionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="extension"/> failing in <paramref name="environment"/>.</summary>
    public PlatformExtensionException(string extension, string environment, Exception innerException)
        : base($"extension {extension} failed in environment '{environment}': {innerException?.Message}", innerException)
    {
        Extension = extension;
        Environment = environment;
    }

    /// <summary>Full name of the extension type that failed, when known.</summary>
    public string? Extension { get; }

    /// <summary>Name of the environment whose stacks the extension was extending, when known.</summary>
    public string? Environment { get; }
}
