using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Trilho.Compiler.Cli.Commands;

/// <summary><c>trilho --version</c>: the tool's informational version (the package version, plus the commit when built from git).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the trilho assembly.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"trilho {Version}");
        return 0;
    }
}
