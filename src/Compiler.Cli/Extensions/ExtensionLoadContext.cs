using System.Reflection;
using System.Runtime.Loader;

namespace Trilho.Compiler.Cli.Extensions;

/// <summary>
/// Loads one extension assembly and its own dependencies, collectible so the extension's code is not tied to the
/// process for good. Assemblies the compiler itself carries (Trilho.Compiler, Amazon.CDK.*, Constructs, the jsii
/// runtime, the framework) come from the default context: the extension must see Trilho's <c>IPlatformExtension</c> and
/// the very CDK types of the stacks it receives, or its casts and its constructs' scopes would not match.
/// </summary>
internal sealed class ExtensionLoadContext : AssemblyLoadContext
{
    private static readonly Lazy<HashSet<string>> HostAssemblies = new(ReadHostAssemblies);

    private readonly AssemblyDependencyResolver _resolver;

    public ExtensionLoadContext(string assemblyPath)
        : base($"trilho-extension:{Path.GetFileName(assemblyPath)}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && HostAssemblies.Value.Contains(name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override nint LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? nint.Zero : LoadUnmanagedDllFromPath(path);
    }

    // The trusted platform assemblies: the framework plus everything trilho.deps.json lists, i.e. what the default
    // context resolves. Returning null for them in Load hands them to the default context.
    private static HashSet<string> ReadHostAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
