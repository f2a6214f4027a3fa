namespace Trilho.Compiler.Emit.Tests;

/// <summary>Finds folders of the source tree (not the build output), where approved files live.</summary>
public static class RepositoryPaths
{
    public static string Root => Trilho.Testing.RepositoryRoot.Path;

    public static string GoldenCases => Path.Combine(Root, "tests", "Compiler.Emit.Tests", "Golden", "Cases");

    public static string Sample(string name) => Path.Combine(Root, "samples", name, "platform.yaml");
}
