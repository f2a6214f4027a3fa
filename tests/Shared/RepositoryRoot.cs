namespace Trilho.Testing;

/// <summary>The checkout that tests and benchmarks read (samples, schema, docs, approved files), found upwards from the build output.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder that holds Trilho.sln.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path under the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Trilho.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Trilho.sln not found above " + AppContext.BaseDirectory);
    }
}
