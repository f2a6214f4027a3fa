namespace Trilho.Compiler.Emit.Tests;

/// <summary>Finds folders of the source tree (not the build output), where approved files live.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string GoldenCases => Path.Combine(Root, "tests", "Compiler.Emit.Tests", "Golden", "Cases");

    public static string Sample(string name) => Path.Combine(Root, "samples", name, "platform.yaml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Trilho.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Trilho.sln not found above " + AppContext.BaseDirectory);
    }
}
