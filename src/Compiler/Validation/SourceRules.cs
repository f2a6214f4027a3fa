using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Validation;

/// <summary>
/// `apps.&lt;id&gt;.source`: fields that fit the app's type, and paths that exist beside platform.yaml. Paths are checked
/// only where the user wrote them and only when the document was read from disk: a platform team's repository may
/// hold platform.yaml without the apps' code, and the defaults then matter only to the push and publish commands,
/// which report a missing folder themselves.
/// </summary>
internal static class SourceRules
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static void Check(ValidationContext context)
    {
        foreach (var (environment, spec) in context.Environments.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (id, over) in (spec.Apps ?? new Dictionary<string, AppSpec>()).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (over.Source is not null)
                {
                    context.Report(DiagnosticCatalog.SourceInOverride, JsonPointers.Of(["environments", environment, "apps", id, "source"]), true, environment, id);
                }
            }
        }

        var folder = File.Exists(context.Document.File) ? Path.GetDirectoryName(Path.GetFullPath(context.Document.File)) : null;
        foreach (var (id, app) in context.Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (app.Source is { } source)
            {
                Check(context, id, app.Type ?? AppType.Api, source, folder);
            }
        }
    }

    private static void Check(ValidationContext context, string id, AppType type, AppSourceSpec source, string? folder)
    {
        string Pointer(string field) => JsonPointers.Of(["apps", id, "source", field]);
        foreach (var field in AppTypeFields.NotFor(type, source))
        {
            var (article, reason) = type == AppType.Static
                ? ("a static", "its files are published as they are, no image is built.")
                : ("an api", "its image's build is the Dockerfile or the .NET project; put build steps there.");
            context.Report(DiagnosticCatalog.SourceFieldNotForType, Pointer(field[0]), true, field[0], id, article, reason);
        }

        if (source.Dockerfile is not null && source.Project is not null)
        {
            context.Report(DiagnosticCatalog.SourceDockerfileAndProject, Pointer("project"), true, id);
        }

        if (source.Project is { } project && !ProjectExtensions.Any(e => project.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            context.Report(DiagnosticCatalog.SourceProjectNotProject, Pointer("project"), false, id, project);
        }

        var command = type == AppType.Static ? "publish-static" : "push-image";
        var paths = new List<(string Field, string? Value, bool Folder)>
        {
            // A static app with a build command publishes what the build writes, so its folder may not exist yet.
            ("path", source.Path, type != AppType.Static || source.Build is null),
            // Without a project the image needs a Dockerfile, by default in the folder.
            ("dockerfile", type == AppType.Api && source.Project is null ? source.Dockerfile ?? (source.Path is null ? null : $"{source.Path.TrimEnd('/')}/Dockerfile") : null, false),
            ("project", type == AppType.Api ? source.Project : null, false),
        };
        foreach (var (field, value, mustExist) in paths.Where(p => p.Value is not null))
        {
            // Only the folder is reported when the folder itself is missing: the default Dockerfile in it follows.
            if (field == "dockerfile" && source.Dockerfile is null && (Path.IsPathRooted(source.Path!) || (folder is not null && !Directory.Exists(Path.Combine(folder, source.Path!)))))
            {
                continue;
            }

            if (Path.IsPathRooted(value!) || value!.StartsWith('~'))
            {
                context.Report(DiagnosticCatalog.SourceAbsolutePath, Pointer(field), false, id, field, value);
                continue;
            }

            if (folder is null || (field == "path" && !mustExist))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, value));
            var isFolder = field == "path";
            if (isFolder ? !Directory.Exists(full) : !File.Exists(full))
            {
                var hint = isFolder && type == AppType.Static ? ", build the app first, or set 'source.build' to the command that writes it"
                    : field == "dockerfile" && source.Dockerfile is null ? ", add the Dockerfile, or set 'source.dockerfile' or 'source.project'"
                    : string.Empty;
                // A default Dockerfile has no line of its own: point at the folder it was derived from.
                var at = field == "dockerfile" && source.Dockerfile is null ? Pointer("path") : Pointer(field);
                context.Report(DiagnosticCatalog.SourceNotFound, at, false, id, field, value, isFolder ? "folder" : "file", command, hint);
            }
        }
    }
}
