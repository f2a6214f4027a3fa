using System.Reflection;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Extensibility;

namespace Trilho.Compiler.Cli.Extensions;

/// <summary>
/// <c>trilho compile --extension &lt;assembly.dll&gt;</c>: creates every public non-abstract <see cref="IPlatformExtension"/>
/// with a parameterless constructor in each assembly, in the order given (and by type name within one assembly, so
/// the templates do not depend on reflection order). What cannot be used is TRL9004, never an exception.
/// </summary>
internal static class ExtensionLoader
{
    /// <summary>The extensions of <paramref name="assemblyPaths"/>, or the diagnostics that say why some cannot be used.</summary>
    public static (IReadOnlyList<IPlatformExtension> Extensions, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<string> assemblyPaths)
    {
        var extensions = new List<IPlatformExtension>();
        var diagnostics = new List<Diagnostic>();
        foreach (var given in assemblyPaths)
        {
            var path = Path.GetFullPath(given);
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticCatalog.ExtensionNotLoaded.Create(null, path, "file not found"));
                continue;
            }

            Type[] types;
            try
            {
                var assembly = new ExtensionLoadContext(path).LoadFromAssemblyPath(path);
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
            {
                diagnostics.Add(DiagnosticCatalog.ExtensionNotLoaded.Create(null, path, Describe(e)));
                continue;
            }

            var candidates = types
                .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IPlatformExtension).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            if (candidates.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.ExtensionNotLoaded.Create(null, path, $"it has no public non-abstract class implementing {typeof(IPlatformExtension).FullName} with a parameterless constructor{NearMiss(types)}"));
                continue;
            }

            foreach (var type in candidates)
            {
                try
                {
                    extensions.Add((IPlatformExtension)Activator.CreateInstance(type)!);
                }
#pragma warning disable CA1031 // Whatever third-party code throws becomes TRL9004 naming it.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    diagnostics.Add(DiagnosticCatalog.ExtensionNotLoaded.Create(null, type.FullName, "its constructor threw " + Describe(e is TargetInvocationException { InnerException: { } inner } ? inner : e)));
                }
            }
        }

        return (extensions, diagnostics);
    }

    /// <summary>"Type: message", the first loader exception for a type that cannot load (it names the missing dependency).</summary>
    public static string Describe(Exception e) => e switch
    {
        ReflectionTypeLoadException { LoaderExceptions: [{ } first, ..] } => Describe(first),
        _ => $"{e.GetType().Name}: {e.Message.TrimEnd('.')}",
    };

    // An extension built against another copy of Trilho.Compiler implements an IPlatformExtension of its own
    // that is not Trilho's: say so rather than only "none found".
    private static string NearMiss(Type[] types)
    {
        var foreign = types.FirstOrDefault(t => t.GetInterfaces().Any(i => i.FullName == typeof(IPlatformExtension).FullName && i != typeof(IPlatformExtension)));
        return foreign is null ? string.Empty : $" ({foreign.FullName} implements an IPlatformExtension from {foreign.GetInterfaces().First(i => i.FullName == typeof(IPlatformExtension).FullName).Assembly.GetName()}, not Trilho's {typeof(IPlatformExtension).Assembly.GetName()})";
    }
}
