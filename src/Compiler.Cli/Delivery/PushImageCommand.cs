using System.CommandLine;
using Trilho.Compiler.Cli.Commands;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary><c>trilho push-image</c>: builds an api app's image from its source and pushes it to the app's ECR repository.</summary>
internal sealed class PushImageCommand : TrilhoCommand
{
    private readonly Tools _tools;

    private readonly Argument<string> _file = new("platform.yaml") { Description = "The platform file whose apps.<app>.source says how the image is built." };

    private readonly Option<string> _env = new("--env") { Description = "The environment whose repository receives the image.", HelpName = "env", Required = true };

    private readonly Option<string> _app = new("--app") { Description = "The api app to build.", HelpName = "app", Required = true };

    private readonly Option<string> _tag = new("--tag") { Description = "The image tag to push (e.g. the commit).", HelpName = "tag", Required = true };

    private readonly Option<string?> _repositoryUri = new("--repository-uri")
    {
        Description = "Push here instead of <account>.dkr.ecr.<region>.amazonaws.com/<platform>-<env>/<app>.",
        HelpName = "uri",
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would run; call nothing." };

    public PushImageCommand(Tools tools)
        : base("push-image", "Build an api app's image from apps.<app>.source (a Dockerfile with Docker, or a .NET project with 'dotnet publish -t:PublishContainer') for linux/amd64 and push it to the app's ECR repository. A tag that exists is left as it is: repositories reject tag reuse.")
    {
        _tools = tools;
        Add(_file);
        Add(_env);
        Add(_app);
        Add(_tag);
        Add(_repositoryUri);
        Add(_dryRun);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr) => DeliveryFailures.Report(Name, stderr, () =>
    {
        var file = result.GetRequiredValue(_file);
        var app = result.GetRequiredValue(_app);
        var (platform, folder) = PlatformFile.Load(file, stdout);
        var environment = PlatformFile.Environment(platform, result.GetRequiredValue(_env), file);
        var uri = result.GetValue(_repositoryUri) ?? ImagePusher.RepositoryUri(environment, app);
        new ImagePusher(platform.Sources!, folder, _tools, stdout, result.GetValue(_dryRun)).Push(app, uri, result.GetRequiredValue(_tag), environment.Region);
    });
}
