namespace Trilho.Benchmarks;

/// <summary>Finds the repository root from wherever BenchmarkDotNet runs the benchmark process.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trilho.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Trilho.sln not found above " + AppContext.BaseDirectory);
    }
}
