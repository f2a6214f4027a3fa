using System.Reflection;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Tests;

internal static class Catalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All() =>
        typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    public static IReadOnlyList<string> Ids() => All().Select(d => d.Id).ToList();
}
