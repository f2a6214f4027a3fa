using System.CommandLine;
using Trilho.Compiler.Cli.Commands;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary><c>trilho deploy</c>: runs a compiled environment's deploy-plan.json with the AWS CLI.</summary>
internal sealed class DeployCommand : TrilhoCommand
{
    private readonly Tools _tools;

    private readonly Argument<string> _plan = new("out/env") { Description = "A compiled environment folder (holding deploy-plan.json), e.g. out/dev." };

    private readonly Option<string[]> _imageTags = new("--image-tag")
    {
        Description = "Image tag to run for an api app (repeatable); apps without one keep the tag their stack runs now.",
        HelpName = "app=tag",
    };

    private readonly Option<string?> _defaultImageTag = new("--default-image-tag")
    {
        Description = "Tag for api apps whose stack does not run one yet (first deploy).",
        HelpName = "tag",
    };

    private readonly Option<string?> _pushFrom = new("--push-from")
    {
        Description = "At the pushImages step, build and push every image that needs a new tag from the app's source in this platform.yaml (as trilho push-image does).",
        HelpName = "platform.yaml",
    };

    private readonly Option<string?> _pushCommand = new("--push-command")
    {
        Description = "Instead of --push-from: run this command (sh -c) per image, with TRILHO_APP, TRILHO_REPOSITORY_URI, TRILHO_IMAGE_TAG and TRILHO_REGION set.",
        HelpName = "cmd",
    };

    private readonly Option<string?> _only = new("--only")
    {
        Description = "Deploy only this stack (a team ships its app stack).",
        HelpName = "stack",
    };

    private readonly Option<string?> _roleArn = new("--role-arn")
    {
        Description = "CloudFormation execution role for every deploy.",
        HelpName = "arn",
    };

    private readonly Option<string?> _s3Bucket = new("--s3-bucket")
    {
        Description = "Upload every template to this bucket; required when a template is over 51,200 bytes (the plan says \"needsS3Upload\": true).",
        HelpName = "name",
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would run; change nothing (reads the live stacks and their templates, when it can, to report what the plan would replace or delete)." };

    public DeployCommand(Tools tools)
        : base("deploy", "Deploy a compiled environment with the AWS CLI v2 and its credentials: its stacks in deploy-plan.json order with 'aws cloudformation deploy' (a change set per stack, waited for), wiring parameters from earlier stacks' outputs. A stack left in ROLLBACK_COMPLETE by a failed first create is deleted and created again.")
    {
        _tools = tools;
        Add(_plan);
        _imageTags.Validators.Add(option =>
        {
            foreach (var pair in (option.GetValueOrDefault<string[]>() ?? []).Where(p => ImageTag(p) is null))
            {
                option.AddError($"--image-tag expects <app>=<tag>, got '{pair}'");
            }
        });
        Add(_imageTags);
        Add(_defaultImageTag);
        Add(_pushFrom);
        Add(_pushCommand);
        Add(_only);
        Add(_roleArn);
        Add(_s3Bucket);
        Add(_dryRun);
        Validators.Add(command =>
        {
            if (command.GetResult(_pushFrom) is not null && command.GetResult(_pushCommand) is not null)
            {
                command.AddError("--push-from and --push-command both push images: give one");
            }
        });
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr) => DeliveryFailures.Report(Name, stderr, () =>
    {
        var planPath = result.GetRequiredValue(_plan);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (app, tag) in (result.GetValue(_imageTags) ?? []).Select(p => ImageTag(p)!.Value))
        {
            tags[app] = tag;
        }

        var options = new DeployOptions
        {
            ImageTags = tags,
            DefaultImageTag = result.GetValue(_defaultImageTag),
            PushFrom = result.GetValue(_pushFrom),
            PushCommand = result.GetValue(_pushCommand),
            Only = result.GetValue(_only),
            RoleArn = result.GetValue(_roleArn),
            S3Bucket = result.GetValue(_s3Bucket),
            DryRun = result.GetValue(_dryRun),
        };
        var (plan, directory) = DeployPlanFile.Read(planPath);
        ImagePusher? pusher = null;
        if (options.PushFrom is { } platformFile)
        {
            var (platform, folder) = PlatformFile.Load(platformFile, stdout);
            if (platform.Environments.All(e => e.Name != DeployPlanFile.Text(plan, "environment")))
            {
                throw new DeliveryException($"{platformFile} has no environment '{DeployPlanFile.Text(plan, "environment")}', which {planPath} deploys: is it the file the plan was compiled from?");
            }

            pusher = new ImagePusher(platform.Sources!, folder, _tools, stdout, options.DryRun);
        }

        new Deployer(plan, directory, options, _tools, pusher, stdout).Run();
    });

    private static (string App, string Tag)? ImageTag(string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        return at < 1 || at == pair.Length - 1 ? null : (pair[..at], pair[(at + 1)..]);
    }
}
