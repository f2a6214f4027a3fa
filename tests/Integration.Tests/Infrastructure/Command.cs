namespace Trilho.Integration.Tests.Infrastructure;

/// <summary>Runs a program other than dotnet (an installed tool, a linter) the way a user's shell would.</summary>
internal static class Command
{
    public static DotnetResult Run(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Dotnet.RunProgram(file, workingDirectory, environment, arguments);
}
