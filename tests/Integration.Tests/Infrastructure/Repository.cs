using System.Reflection;

namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>Paths in the repository under test.</summary>
internal static class Repository
{
    /// <summary>The folder holding Trilho.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built with; packing uses it so nothing is rebuilt.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The absolute path of <paramref name="relative"/> under the root.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
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
