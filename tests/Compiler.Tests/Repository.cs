namespace Trilho.Compiler.Tests;

/// <summary>Files of the repository the tests read: samples, schema, docs and the error cases.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trilho.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Trilho.sln not found above the test assembly");
    }
}
