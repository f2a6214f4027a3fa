using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// Builds an api app's image from its <c>source</c> in platform.yaml and pushes it to the app's ECR repository:
/// with Docker (a Dockerfile and a context) or with the .NET SDK (<c>dotnet publish -t:PublishContainer</c>, which
/// needs no Docker engine). Repositories reject tag reuse (immutable tags), so a tag that exists is left as it is.
/// </summary>
public sealed class ImagePusher
{
    private readonly IReadOnlyDictionary<string, ResolvedSource> _sources;
    private readonly string _folder;
    private readonly Tools _tools;
    private readonly TextWriter _log;
    private readonly bool _dryRun;

    /// <summary>Prepares pushes of the apps in <paramref name="sources"/>, whose paths are relative to <paramref name="folder"/>.</summary>
    public ImagePusher(IReadOnlyDictionary<string, ResolvedSource> sources, string folder, Tools tools, TextWriter log, bool dryRun)
    {
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _dryRun = dryRun;
    }

    /// <summary>Builds <paramref name="app"/> and pushes it as <paramref name="repositoryUri"/>:<paramref name="tag"/>.</summary>
    /// <exception cref="DeliveryException">No such api app, its source is missing, or a build or push failed.</exception>
    public void Push(string app, string repositoryUri, string tag, string region)
    {
        ArgumentNullException.ThrowIfNull(repositoryUri);
        if (!_sources.TryGetValue(app ?? throw new ArgumentNullException(nameof(app)), out var source) || source.Type != Model.AppType.Api)
        {
            throw new DeliveryException($"no api app '{app}' in platform.yaml (api apps: {string.Join(", ", _sources.Values.Where(s => s.Type == Model.AppType.Api).Select(s => s.AppId))})");
        }

        var registry = repositoryUri.Split('/', 2)[0];
        var repository = repositoryUri.Split('/', 2) is [_, var name] ? name : throw new DeliveryException($"'{repositoryUri}' is not a repository URI (<registry>/<repository>)");
        var image = $"{repositoryUri}:{tag}";
        var context = Full(source.Path);
        if (_dryRun)
        {
            _log.WriteLine(source.Project is { } dryProject
                ? $"would build and push {image} with: dotnet publish {ShellQuote.Quote(Full(dryProject))} -t:PublishContainer"
                : $"would build and push {image} with: docker build -f {ShellQuote.Quote(Full(source.Dockerfile!))} {ShellQuote.Quote(context)}");
            return;
        }

        CheckExists(source);
        var exists = Aws("ecr", "describe-images", "--region", region, "--repository-name", repository, "--image-ids", $"imageTag={tag}", "--output", "json");
        if (exists.Succeeded)
        {
            _log.WriteLine($"push-image: {image} exists already (tags are immutable); nothing to build");
            return;
        }

        if (!exists.Stderr.Contains("ImageNotFoundException", StringComparison.Ordinal))
        {
            throw new DeliveryException($"cannot read repository {repository} in {region}: {exists.Stderr.Trim()} (is the shared stack deployed, and does the role allow ecr:DescribeImages?)");
        }

        var password = Aws("ecr", "get-login-password", "--region", region);
        if (!password.Succeeded)
        {
            throw new DeliveryException($"cannot log in to {registry}: {password.Stderr.Trim()}");
        }

        if (source.Project is { } project)
        {
            PushWithDotnet(Full(project), registry, repository, tag, password.Stdout.Trim());
        }
        else
        {
            PushWithDocker(Full(source.Dockerfile!), context, registry, image, password.Stdout.Trim());
        }

        _log.WriteLine($"push-image: pushed {image}");
    }

    private void CheckExists(ResolvedSource source)
    {
        var (field, path, isFile) = source.Project is { } project ? ("project", project, true) : ("dockerfile", source.Dockerfile!, true);
        if (!Directory.Exists(Full(source.Path)) && source.Project is null)
        {
            throw new DeliveryException($"app {source.AppId}: its source folder {source.Path} does not exist beside platform.yaml ({Full(source.Path)}). Set apps.{source.AppId}.source in platform.yaml to where its code is.");
        }

        if (isFile && !File.Exists(Full(path)))
        {
            throw new DeliveryException($"app {source.AppId}: its {field} {path} does not exist beside platform.yaml ({Full(path)}). Set apps.{source.AppId}.source.{field} in platform.yaml.");
        }
    }

    private void PushWithDocker(string dockerfile, string context, string registry, string image, string password)
    {
        // A private Docker config for this push: the registry token never lands in the user's ~/.docker.
        var config = Directory.CreateTempSubdirectory("trilho-docker-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config };
            Docker(environment, password, "login", "--username", "AWS", "--password-stdin", registry);
            Docker(environment, null, "build", "--platform", "linux/amd64", "-f", dockerfile, "-t", image, context);
            Docker(environment, null, "push", image);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    private void Docker(Dictionary<string, string> environment, string? input, params string[] arguments)
    {
        _log.WriteLine($"$ docker {ShellQuote.Join(arguments)}");
        var result = _tools.Run(_tools.Docker, arguments, environment: environment, input: input);
        if (!result.Succeeded)
        {
            throw new DeliveryException($"docker {arguments[0]} failed (exit {result.ExitCode}):\n{Tail(result)}");
        }
    }

    /// <summary>
    /// The SDK reads registry credentials from DOTNET_CONTAINER_REGISTRY_UNAME/PWD (SDK_CONTAINER_* before .NET 8),
    /// https://learn.microsoft.com/dotnet/core/containers/overview#authenticate-to-container-registries.
    /// </summary>
    private void PushWithDotnet(string project, string registry, string repository, string tag, string password)
    {
        string[] arguments =
        [
            "publish", project, "-c", "Release", "-t:PublishContainer", "--os", "linux", "--arch", "x64",
            $"-p:ContainerRegistry={registry}", $"-p:ContainerRepository={repository}", $"-p:ContainerImageTags={tag}",
        ];
        _log.WriteLine($"$ dotnet {ShellQuote.Join(arguments)}");
        var result = _tools.Run(_tools.Dotnet, arguments, environment: new Dictionary<string, string>
        {
            ["DOTNET_CONTAINER_REGISTRY_UNAME"] = "AWS",
            ["DOTNET_CONTAINER_REGISTRY_PWD"] = password,
            ["SDK_CONTAINER_REGISTRY_UNAME"] = "AWS",
            ["SDK_CONTAINER_REGISTRY_PWD"] = password,
        });
        if (!result.Succeeded)
        {
            throw new DeliveryException($"dotnet publish -t:PublishContainer failed (exit {result.ExitCode}):\n{Tail(result)}");
        }
    }

    private ProcessResult Aws(params string[] arguments)
    {
        _log.WriteLine($"$ aws {ShellQuote.Join(arguments)}");
        return _tools.Run(_tools.Aws, arguments);
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_folder, relative));

    private static string Tail(ProcessResult result) =>
        string.Join('\n', (result.Stdout + "\n" + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20));

    /// <summary>The repository URI of <paramref name="app"/> in <paramref name="environment"/>, as the shared stack names it.</summary>
    public static string RepositoryUri(ResolvedEnvironment environment, string app)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return $"{environment.Account}.dkr.ecr.{environment.Region}.amazonaws.com/{Emit.EmitNames.Repository(environment, app)}";
    }
}
