namespace Trilho.Compiler.Validation;

/// <summary>The CPU and memory combinations AWS Fargate offers (Linux tasks).</summary>
public static class FargateSizes
{
    /// <summary>Memory sizes in MiB valid with <paramref name="cpu"/> units; empty for an unknown cpu.</summary>
    public static IReadOnlyList<int> MemoryFor(int cpu) => cpu switch
    {
        256 => [512, 1024, 2048],
        512 => Steps(1024, 4096),
        1024 => Steps(2048, 8192),
        2048 => Steps(4096, 16384),
        4096 => Steps(8192, 30720),
        _ => [],
    };

    /// <summary>How the valid memory sizes read in a message, e.g. "1024 to 4096 in steps of 1024".</summary>
    public static string Describe(int cpu)
    {
        var sizes = MemoryFor(cpu);
        return cpu == 256 ? string.Join(", ", sizes) : $"{sizes[0]} to {sizes[^1]} in steps of 1024";
    }

    private static List<int> Steps(int from, int to) => Enumerable.Range(0, ((to - from) / 1024) + 1).Select(i => from + (i * 1024)).ToList();
}
