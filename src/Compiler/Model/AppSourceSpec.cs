using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>
/// Where an app's code is, so that `trilho push-image` and `trilho publish-static` work in any repository. Every
/// path is relative to the folder of platform.yaml and checked when the file is compiled from disk.
/// </summary>
public sealed record AppSourceSpec
{
    /// <summary>Folder of the app, relative to platform.yaml. api: the Docker build context. static: the folder whose files are published (the build output, e.g. `web/dist`). Default: `apps/&lt;id&gt;`.</summary>
    [StringLength(255, MinimumLength = 1)]
    public string? Path { get; init; }

    /// <summary>api only: the Dockerfile, relative to platform.yaml. Default: `&lt;path&gt;/Dockerfile`. Not with `project`.</summary>
    [StringLength(255, MinimumLength = 1)]
    [AppliesTo(AppType.Api)]
    public string? Dockerfile { get; init; }

    /// <summary>api only: a .NET project file (relative to platform.yaml) whose image the .NET SDK builds and pushes with `dotnet publish -t:PublishContainer`, with no Dockerfile and no Docker engine. Default: none (the image is built from the Dockerfile).</summary>
    [StringLength(255, MinimumLength = 1)]
    [AppliesTo(AppType.Api)]
    public string? Project { get; init; }

    /// <summary>static only: shell command run in the folder of platform.yaml before publishing, e.g. `npm ci --prefix web &amp;&amp; npm run build --prefix web`. Default: none (`path` is published as it is).</summary>
    [StringLength(1024, MinimumLength = 1)]
    [AppliesTo(AppType.Static)]
    public string? Build { get; init; }
}
