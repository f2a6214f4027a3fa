using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Validation;

/// <summary>Each app owns its path: no two apps share one, and none nests inside another at a segment boundary.</summary>
internal static class PathRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var environment in context.EffectiveApps().GroupBy(a => a.Environment))
        {
            // Earlier in the file wins; the later app is the one reported.
            var apps = environment
                .Where(a => a.App.Path is not null)
                .OrderBy(a => context.Document.LocationOf(a.PointerOf("path")).Line)
                .ThenBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < apps.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    Compare(context, apps[j], apps[i]);
                }
            }
        }
    }

    private static void Compare(ValidationContext context, EffectiveApp first, EffectiveApp second)
    {
        var a = first.App.Path!;
        var b = second.App.Path!;
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.DuplicatePath, second.PointerOf("path"), false, second.Id, b, first.Id);
        }
        else if (b.StartsWith(a + "/", StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.OverlappingPath, second.PointerOf("path"), false, second.Id, b, first.Id, a);
        }
        else if (a.StartsWith(b + "/", StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.OverlappingPath, second.PointerOf("path"), false, second.Id, b, first.Id, a);
        }
    }
}
