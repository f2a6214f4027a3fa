namespace Trilho.Compiler.Tests;

/// <summary>Files of the repository the tests read: samples, schema, docs and the error cases.</summary>
internal static class Repository
{
    public static string Root => Trilho.Testing.RepositoryRoot.Path;

    public static string PathOf(params string[] parts) => Trilho.Testing.RepositoryRoot.Combine(parts);
}
