using System.Reflection;

namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>Paths in the repository under test.</summary>
internal static class Repository
{
    /// <summary>The folder holding Trilho.sln, found upwards from the test assembly.</summary>
    public static string Root => Trilho.Testing.RepositoryRoot.Path;

    /// <summary>The configuration these tests were built with; packing uses it so nothing is rebuilt.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The absolute path of <paramref name="relative"/> under the root.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
