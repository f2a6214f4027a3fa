using System.CommandLine;
using Trilho.Compiler.Cli.Commands;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary><c>trilho publish-static</c>: publishes a static app's build folder to its bucket and path.</summary>
internal sealed class PublishStaticCommand : TrilhoCommand
{
    private readonly Tools _tools;

    private readonly Argument<string> _file = new("platform.yaml") { Description = "The platform file whose apps.<app>.source says what to publish." };

    private readonly Option<string> _env = new("--env") { Description = "The environment to publish to.", HelpName = "env", Required = true };

    private readonly Option<string> _app = new("--app") { Description = "The static app to publish.", HelpName = "app", Required = true };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would run; call nothing." };

    public PublishStaticCommand(Tools tools)
        : base("publish-static", "Publish a static app with the AWS CLI: run apps.<app>.source.build (if any), upload every file of apps.<app>.source.path except dotfiles under the app's path in its bucket (hashed assets cached a year, other files five minutes, HTML pages revalidated on every request, pages last), invalidate the path, wait until it is live, then delete what the release no longer has.")
    {
        _tools = tools;
        Add(_file);
        Add(_env);
        Add(_app);
        Add(_dryRun);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr) => DeliveryFailures.Report(Name, stderr, () =>
    {
        var file = result.GetRequiredValue(_file);
        var app = result.GetRequiredValue(_app);
        var (platform, folder) = PlatformFile.Load(file, stdout);
        var environment = PlatformFile.Environment(platform, result.GetRequiredValue(_env), file);
        var source = platform.Sources!.GetValueOrDefault(app) ?? throw new DeliveryException($"no app '{app}' in {file}");
        new StaticPublisher(_tools, stdout, result.GetValue(_dryRun)).Publish(environment, app, source, folder);
    });
}
