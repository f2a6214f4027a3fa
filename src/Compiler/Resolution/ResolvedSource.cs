using Trilho.Compiler.Model;

namespace Trilho.Compiler.Resolution;

/// <summary>Where an app's code is, with defaults applied; paths are relative to the folder of platform.yaml, with '/' separators.</summary>
/// <param name="AppId">The app.</param>
/// <param name="Type">Its type: api apps build an image, static apps publish files.</param>
/// <param name="Path">api: the Docker build context; static: the folder whose files are published.</param>
/// <param name="Dockerfile">api built with Docker: the Dockerfile; null for static apps and .NET projects.</param>
/// <param name="Project">api built by the .NET SDK (<c>dotnet publish -t:PublishContainer</c>): the project file; else null.</param>
/// <param name="Build">static: the command that produces <paramref name="Path"/>, or null.</param>
public sealed record ResolvedSource(string AppId, AppType Type, string Path, string? Dockerfile, string? Project, string? Build)
{
    /// <summary>Applies the defaults to <paramref name="app"/>'s <c>source</c>.</summary>
    public static ResolvedSource For(string appId, AppSpec app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var source = app.Source ?? new AppSourceSpec();
        var path = Normalize(source.Path ?? $"apps/{appId}");
        return app.Type == AppType.Static
            ? new ResolvedSource(appId, AppType.Static, path, null, null, source.Build)
            : new ResolvedSource(
                appId,
                AppType.Api,
                path,
                source.Project is null ? Normalize(source.Dockerfile ?? $"{path}/Dockerfile") : null,
                source.Project is null ? null : Normalize(source.Project),
                null);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : ".";
}
