using System.Diagnostics;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// Time per synthesis stage on stderr when <c>TRILHO_TRACE=1</c>: how bench/run's numbers were profiled
/// (docs/performance.md). Off by default, so output and timing are untouched.
/// </summary>
internal static class StageTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("TRILHO_TRACE") == "1";

    private static readonly Stopwatch Process = Stopwatch.StartNew();

    /// <summary>Runs <paramref name="stage"/> and, when tracing, prints how long it took.</summary>
    public static T Time<T>(string name, Func<T> stage)
    {
        if (!Enabled)
        {
            return stage();
        }

        var watch = Stopwatch.StartNew();
        var result = stage();
        Console.Error.WriteLine($"trace: {name}: {watch.ElapsedMilliseconds} ms (at {Process.ElapsedMilliseconds} ms)");
        return result;
    }

    /// <summary>When tracing, prints <paramref name="message"/>.</summary>
    public static void Note(string message)
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"trace: {message} (at {Process.ElapsedMilliseconds} ms)");
        }
    }
}
