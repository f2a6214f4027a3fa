using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>The delivery commands: deploy a compiled environment, push an api app's image, publish a static app, and print a plan's environment for CI.</summary>
public static class DeliveryCommands
{
    /// <summary>Usage of <c>trilho deploy</c>.</summary>
    public const string DeployUsage = """
        usage: trilho deploy <out>/<env> [options]

        Deploys the environment's stacks in deploy-plan.json order with 'aws cloudformation deploy' (a change set
        per stack, waited for), wiring parameters from earlier stacks' outputs. Needs the AWS CLI v2 and credentials.
        A stack left in ROLLBACK_COMPLETE by a failed first create is deleted and created again.

        options:
          --image-tag <app>=<tag>    image tag to run for an api app (repeatable); apps without one keep the tag
                                     their stack runs now
          --default-image-tag <tag>  tag for api apps whose stack does not run one yet (first deploy)
          --push-from <platform.yaml>
                                     at the pushImages step, build and push every image that needs a new tag from
                                     the app's source in platform.yaml (as trilho push-image does)
          --push-command <cmd>       instead of --push-from: run <cmd> (sh -c) per image, with TRILHO_APP,
                                     TRILHO_REPOSITORY_URI, TRILHO_IMAGE_TAG and TRILHO_REGION set
          --only <stack>             deploy only this stack (a team ships its app stack)
          --role-arn <arn>           CloudFormation execution role for every deploy
          --s3-bucket <name>         upload every template to this bucket; required when a template is over
                                     51,200 bytes (the plan says "needsS3Upload": true)
          --dry-run                  print what would run; call nothing
        """;

    /// <summary>Usage of <c>trilho push-image</c>.</summary>
    public const string PushUsage = """
        usage: trilho push-image <platform.yaml> --env <env> --app <app> --tag <tag> [--repository-uri <uri>] [--dry-run]

        Builds the api app's image from apps.<app>.source (a Dockerfile with Docker, or a .NET project with
        'dotnet publish -t:PublishContainer') for linux/amd64 and pushes it to the app's ECR repository
        (<account>.dkr.ecr.<region>.amazonaws.com/<platform>-<env>/<app> unless --repository-uri). A tag that exists
        is left as it is: repositories reject tag reuse.
        """;

    /// <summary>Usage of <c>trilho publish-static</c>.</summary>
    public const string PublishUsage = """
        usage: trilho publish-static <platform.yaml> --env <env> --app <app> [--dry-run]

        Runs apps.<app>.source.build (if any), uploads every file of apps.<app>.source.path except dotfiles under the
        app's path in its bucket (hashed assets cached a year, other files five minutes, HTML pages revalidated on
        every request, pages last), invalidates the path, waits until it is live, then deletes what the release no
        longer has.
        """;

    /// <summary>Usage of <c>trilho plan-env</c>.</summary>
    public const string PlanEnvUsage = """
        usage: trilho plan-env <out>/<env>

        Prints account=, region= (of the shared stack) and prefix= (<platform>-<env>, the start of every stack and
        role name) for $GITHUB_OUTPUT.
        """;

    /// <summary>Runs <c>trilho deploy</c>.</summary>
    public static int Deploy(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, Tools tools)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Guard("deploy", DeployUsage, stderr, () =>
        {
            var options = new OptionReader(
                arguments,
                ["--image-tag", "--default-image-tag", "--push-from", "--push-command", "--only", "--role-arn", "--s3-bucket"],
                ["--dry-run"]);
            var planPath = options.Positional ?? throw new UsageException("missing <out>/<env>");
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in options.Values("--image-tag"))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at < 1 || at == pair.Length - 1)
                {
                    throw new UsageException($"--image-tag expects <app>=<tag>, got '{pair}'");
                }

                tags[pair[..at]] = pair[(at + 1)..];
            }

            if (options.Value("--push-from") is not null && options.Value("--push-command") is not null)
            {
                throw new UsageException("--push-from and --push-command both push images: give one");
            }

            var deployOptions = new DeployOptions
            {
                ImageTags = tags,
                DefaultImageTag = options.Value("--default-image-tag"),
                PushFrom = options.Value("--push-from"),
                PushCommand = options.Value("--push-command"),
                Only = options.Value("--only"),
                RoleArn = options.Value("--role-arn"),
                S3Bucket = options.Value("--s3-bucket"),
                DryRun = options.Flag("--dry-run"),
            };
            var (plan, directory) = DeployPlanFile.Read(planPath);
            ImagePusher? pusher = null;
            if (deployOptions.PushFrom is { } platformFile)
            {
                var (platform, folder) = PlatformFile.Load(platformFile, stdout);
                if (platform.Environments.All(e => e.Name != DeployPlanFile.Text(plan, "environment")))
                {
                    throw new DeliveryException($"{platformFile} has no environment '{DeployPlanFile.Text(plan, "environment")}', which {planPath} deploys: is it the file the plan was compiled from?");
                }

                pusher = new ImagePusher(platform.Sources!, folder, tools, stdout, deployOptions.DryRun);
            }

            new Deployer(plan, directory, deployOptions, tools, pusher, stdout).Run();
        });
    }

    /// <summary>Runs <c>trilho push-image</c>.</summary>
    public static int PushImage(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, Tools tools)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Guard("push-image", PushUsage, stderr, () =>
        {
            var options = new OptionReader(arguments, ["--env", "--app", "--tag", "--repository-uri"], ["--dry-run"]);
            var file = options.Positional ?? throw new UsageException("missing <platform.yaml>");
            var (environmentName, app, tag) = (options.Required("--env", "env"), options.Required("--app", "app"), options.Required("--tag", "tag"));
            var (platform, folder) = PlatformFile.Load(file, stdout);
            var environment = PlatformFile.Environment(platform, environmentName, file);
            var uri = options.Value("--repository-uri") ?? ImagePusher.RepositoryUri(environment, app);
            new ImagePusher(platform.Sources!, folder, tools, stdout, options.Flag("--dry-run")).Push(app, uri, tag, environment.Region);
        });
    }

    /// <summary>Runs <c>trilho publish-static</c>.</summary>
    public static int PublishStatic(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, Tools tools)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Guard("publish-static", PublishUsage, stderr, () =>
        {
            var options = new OptionReader(arguments, ["--env", "--app"], ["--dry-run"]);
            var file = options.Positional ?? throw new UsageException("missing <platform.yaml>");
            var (environmentName, app) = (options.Required("--env", "env"), options.Required("--app", "app"));
            var (platform, folder) = PlatformFile.Load(file, stdout);
            var environment = PlatformFile.Environment(platform, environmentName, file);
            var source = platform.Sources!.GetValueOrDefault(app) ?? throw new DeliveryException($"no app '{app}' in {file}");
            new StaticPublisher(tools, stdout, options.Flag("--dry-run")).Publish(environment, app, source, folder);
        });
    }

    /// <summary>Runs <c>trilho plan-env</c>.</summary>
    public static int PlanEnv(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Guard("plan-env", PlanEnvUsage, stderr, () =>
        {
            var options = new OptionReader(arguments, [], []);
            var (plan, _) = DeployPlanFile.Read(options.Positional ?? throw new UsageException("missing <out>/<env>"));
            var prefix = $"{DeployPlanFile.Text(plan, "platform")}-{DeployPlanFile.Text(plan, "environment")}";
            var shared = ((System.Text.Json.Nodes.JsonArray)plan["steps"]!).FirstOrDefault(s => DeployPlanFile.Text(s, "stack") == $"{prefix}-shared")
                ?? throw new DeliveryException($"the plan has no {prefix}-shared stack");
            stdout.WriteLine($"account={DeployPlanFile.Text(plan, "account")}");
            stdout.WriteLine($"region={DeployPlanFile.Text(shared, "region")}");
            stdout.WriteLine($"prefix={prefix}");
        });
    }

    private static int Guard(string command, string usage, TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"trilho {command}: error: {e.Message}");
            stderr.WriteLine(usage);
            return 2;
        }
        catch (StackFailure e)
        {
            stderr.WriteLine($"trilho {command}: FAILED at {e.Step}");
            stderr.WriteLine($"  stack:  {e.Stack} (region {e.Region})");
            stderr.WriteLine($"  error:  {e.Message.Replace("\n", "\n          ", StringComparison.Ordinal)}");
            if (e.Events is not null)
            {
                stderr.WriteLine(e.Events);
            }

            stderr.WriteLine("Nothing after this step ran. Fix the cause, then run the same command again: finished stacks are left as they are.");
            return 1;
        }
        catch (DeliveryException e)
        {
            stderr.WriteLine($"trilho {command}: error{(e.Step is null ? string.Empty : $" at {e.Step}")}: {e.Message}");
            return 1;
        }
    }
}
