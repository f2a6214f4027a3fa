namespace Trilho.Compiler.Synthesis.Caching;

/// <summary>
/// A stack was replayed from the per-stack cache, but an output it imports from a stack added after it is no longer
/// exported as it was. Synthesis then builds the environment again without replaying anything.
/// </summary>
public sealed class StaleReplayException : Exception
{
    /// <summary>An exception without a message.</summary>
    public StaleReplayException()
    {
    }

    /// <summary>An exception saying <paramref name="message"/>.</summary>
    public StaleReplayException(string message)
        : base(message)
    {
    }

    /// <summary>An exception saying <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public StaleReplayException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
