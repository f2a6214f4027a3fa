using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// Executes a deploy plan with the AWS CLI: each stack in order with <c>aws cloudformation deploy</c> (a change set,
/// waited for), parameters wired from earlier stacks' outputs, images pushed at the pushImages step. Stops at the
/// first failure with the stack's events. A stack left in ROLLBACK_COMPLETE by a failed first create is deleted and
/// created again: CloudFormation can neither update nor re-create it under that name otherwise. Parameters with a
/// <c>firstCreate</c> value (deletion protection) take it while the stack is created, then an update sets the final
/// value, so a failed create never has a protected resource to roll back. runTask steps run a one-off ECS task and
/// wait for it (<see cref="TaskRunner"/>).
/// </summary>
public sealed partial class Deployer
{
    private readonly JsonObject _plan;
    private readonly string _planDirectory;
    private readonly DeployOptions _options;
    private readonly Tools _tools;
    private readonly ImagePusher? _pusher;
    private readonly TextWriter _log;
    private readonly Dictionary<string, JsonObject?> _stacks = new(StringComparer.Ordinal);

    /// <summary>Prepares a run of <paramref name="plan"/> read from <paramref name="planDirectory"/>.</summary>
    public Deployer(JsonObject plan, string planDirectory, DeployOptions options, Tools tools, ImagePusher? pusher, TextWriter log)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _planDirectory = planDirectory ?? throw new ArgumentNullException(nameof(planDirectory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _pusher = pusher;
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    private JsonArray Steps => (JsonArray)_plan["steps"]!;

    /// <summary>Runs the selected steps.</summary>
    /// <exception cref="DeliveryException">A step failed or the plan cannot be run as asked; <see cref="DeliveryException.Step"/> names it.</exception>
    public void Run()
    {
        var steps = Steps.Select((step, index) => (Step: (JsonObject)step!, Index: index)).ToList();
        var selected = steps;
        if (_options.Only is { } only)
        {
            selected = steps.Where(s => Kind(s.Step) == "deployStack" && Name(s.Step) == only).ToList();
            if (selected.Count == 0)
            {
                var names = string.Join(", ", steps.Where(s => Kind(s.Step) == "deployStack").Select(s => Name(s.Step)));
                throw new DeliveryException($"--only {only}: no such stack in the plan (stacks: {names})");
            }
        }

        CheckLiveTemplates(selected.Select(s => s.Step).Where(s => Kind(s) == "deployStack").ToList());
        foreach (var (step, index) in selected)
        {
            var subject = Name(step) ?? DeployPlanFile.Text(step, "name");
            var label = string.Create(CultureInfo.InvariantCulture, $"step {index + 1}/{steps.Count} ({Kind(step)}{(subject is not null ? $" {subject} in {Region(step)}" : string.Empty)})");
            _log.WriteLine($"== {label}");
            try
            {
                switch (Kind(step))
                {
                    case "deployStack":
                        DeployStack(step);
                        break;
                    case "pushImages":
                        PushImages(step);
                        break;
                    case "runTask":
                        new TaskRunner(_tools, _log, _options.DryRun).Run(step, Resolve, steps.Select(s => Name(s.Step)).FirstOrDefault(n => n?.EndsWith("-delivery", StringComparison.Ordinal) == true));
                        break;
                    default:
                        throw new DeliveryException($"unknown step '{Kind(step)}'; this tool reads plan format {DeployPlanFile.FormatVersion}");
                }
            }
            catch (DeliveryException e)
            {
                e.Step = label;
                throw;
            }
        }

        _log.WriteLine(_options.DryRun
            ? "dry run: nothing was deployed"
            : string.Create(CultureInfo.InvariantCulture, $"done: {selected.Count} step(s) of {DeployPlanFile.Text(_plan, "platform")}-{DeployPlanFile.Text(_plan, "environment")}"));
    }

    /// <summary>
    /// Refuses the plan before any change when it would destroy an unacknowledged stateful resource of a live stack.
    /// A dry run reads the live stacks too, but goes on without the check when it cannot (no credentials: a preview).
    /// </summary>
    private void CheckLiveTemplates(List<JsonObject> stackSteps)
    {
        var guard = new LiveTemplateGuard(Describe, arguments => Aws(arguments));
        try
        {
            guard.Check(_plan, _planDirectory, stackSteps, _log);
        }
        catch (DeliveryException e) when (_options.DryRun && !guard.Refused)
        {
            _log.WriteLine($"dry run: the live stacks could not be read, so the plan was not checked against them: {e.Message}");
        }
    }

    private static string? Kind(JsonObject step) => DeployPlanFile.Text(step, "step");

    private static string? Name(JsonObject step) => DeployPlanFile.Text(step, "stack");

    private static string? Region(JsonObject step) => DeployPlanFile.Text(step, "region");

    private ProcessResult Aws(params string[] arguments)
    {
        _log.WriteLine($"$ aws {ShellQuote.Join(arguments)}");
        return _tools.Run(_tools.Aws, arguments);
    }

    /// <summary>The stack's description, or null when it does not exist; cached until that stack is deployed again.</summary>
    private JsonObject? Describe(string stack, string region)
    {
        var key = $"{region}/{stack}";
        if (!_stacks.TryGetValue(key, out var description))
        {
            var result = Aws("cloudformation", "describe-stacks", "--stack-name", stack, "--region", region, "--query", "Stacks[0]", "--output", "json");
            if (result.Succeeded)
            {
                description = JsonNode.Parse(result.Stdout) as JsonObject;
            }
            else if (result.Stderr.Contains("does not exist", StringComparison.Ordinal))
            {
                description = null;
            }
            else
            {
                throw new DeliveryException($"cannot read stack {stack} in {region}: {result.Stderr.Trim()}");
            }

            _stacks[key] = description;
        }

        return description;
    }

    private string Output(string stack, string region, string name)
    {
        if (_options.DryRun)
        {
            return $"<output {name} of {stack}>";
        }

        var description = Describe(stack, region)
            ?? throw new DeliveryException($"stack {stack} ({region}) does not exist, so its output {name} is unknown; deploy the plan from the start.");
        var found = (description["Outputs"] as JsonArray ?? []).FirstOrDefault(o => DeployPlanFile.Text(o, "OutputKey") == name)
            ?? throw new DeliveryException($"stack {stack} ({region}) has no output {name}; was it deployed from this plan?");
        return DeployPlanFile.Text(found, "OutputValue") ?? string.Empty;
    }

    /// <summary>The value of a <c>{"value": ...}</c> or <c>{"fromStack": ...}</c> source.</summary>
    private string Resolve(JsonObject? source)
    {
        if (DeployPlanFile.Text(source, "value") is { } literal)
        {
            return literal;
        }

        if (DeployPlanFile.Text(source, "fromStack") is { } fromStack)
        {
            return Output(fromStack, DeployPlanFile.Text(source, "region")!, DeployPlanFile.Text(source, "output")!);
        }

        throw new DeliveryException($"unknown value source {source?.ToJsonString() ?? "(none)"}");
    }

    /// <summary>The tag an app stack should run: explicit, else unchanged (null) when the stack runs one, else the default.</summary>
    private (string? Tag, bool Fresh) ImageTag(string app, string stack, string region, string parameter)
    {
        if (_options.ImageTags.TryGetValue(app, out var explicitTag))
        {
            return (explicitTag, true);
        }

        if (_options.DryRun)
        {
            return (_options.DefaultImageTag, _options.DefaultImageTag is not null);
        }

        var description = Describe(stack, region);
        if (description is not null && !IsRolledBackCreate(description) && (description["Parameters"] as JsonArray ?? []).Any(p => DeployPlanFile.Text(p, "ParameterKey") == parameter))
        {
            return (null, false);
        }

        if (_options.DefaultImageTag is { } defaultTag)
        {
            return (defaultTag, true);
        }

        throw new DeliveryException($"no image tag for app {app}: stack {stack} does not run one yet. Pass --image-tag {app}=<tag> (after pushing it), or --default-image-tag <tag> with --push-from platform.yaml (or --push-command).");
    }

    private string Command(string command)
    {
        if (_options.DryRun)
        {
            return $"<output of: {command}>";
        }

        _log.WriteLine($"$ {command}");
        var result = _tools.Run(_tools.Shell, ["-c", command]);
        if (!result.Succeeded)
        {
            throw new DeliveryException(string.Create(CultureInfo.InvariantCulture, $"command failed ({result.ExitCode}): {command}\n{result.Stderr.Trim()}"));
        }

        return result.Stdout.Trim();
    }

    /// <summary>
    /// Parameter overrides as name, value and the value of a first create (null when the same); image tags left
    /// unchanged are omitted so CloudFormation keeps the previous value.
    /// </summary>
    private List<(string Name, string Value, string? FirstCreate)> Overrides(JsonObject step)
    {
        var result = new List<(string Name, string Value, string? FirstCreate)>();
        foreach (var (name, node) in step["parameters"] as JsonObject ?? [])
        {
            if (node is not JsonObject source)
            {
                throw new DeliveryException($"parameter {name} of {Name(step)} has no source");
            }

            string value;
            string? firstCreate = null;
            if (source.ContainsKey("value"))
            {
                value = DeployPlanFile.Text(source, "value") ?? source["value"]?.ToJsonString() ?? string.Empty;
                firstCreate = DeployPlanFile.Text(source, "firstCreate") is { } first && first != value ? first : null;
            }
            else if (DeployPlanFile.Text(source, "fromStack") is { } fromStack)
            {
                value = Output(fromStack, DeployPlanFile.Text(source, "region")!, DeployPlanFile.Text(source, "output")!);
            }
            else if (DeployPlanFile.Text(source, "imageTag") is { } app)
            {
                var (tag, _) = ImageTag(app, Name(step)!, Region(step)!, name);
                if (tag is null)
                {
                    _log.WriteLine(_options.DryRun
                        ? $"  {name}: left out (a deployed stack keeps its tag; a first deploy needs --image-tag or --default-image-tag)"
                        : $"  {name}: unchanged (the image {app} runs now)");
                    continue;
                }

                value = tag;
            }
            else if (DeployPlanFile.Text(source, "command") is { } command)
            {
                value = Command(command);
            }
            else
            {
                throw new DeliveryException($"parameter {name} of {Name(step)} has an unknown source {source.ToJsonString()}");
            }

            result.Add((name, value, firstCreate));
        }

        return result;
    }

    private void DeployStack(JsonObject step)
    {
        var stack = Name(step)!;
        var region = Region(step)!;
        // Checked before reading any output: a missing bucket is a usage error, known without calling AWS.
        if (step["needsS3Upload"]?.GetValueKind() == JsonValueKind.True && _options.S3Bucket is null)
        {
            throw new DeliveryException($"stack {stack}: its template is {step["templateBytes"]} bytes, over the 51,200 bytes 'aws cloudformation deploy' accepts without a bucket. Pass --s3-bucket <name> (a bucket in {region} the deploy role can write to).");
        }

        var arguments = new List<string>
        {
            "cloudformation", "deploy",
            "--stack-name", stack,
            "--template-file", Path.GetFullPath(Path.Combine(_planDirectory, DeployPlanFile.Text(step, "template")!)),
            "--region", region,
            "--no-fail-on-empty-changeset",
        };
        var capabilities = (step["capabilities"] as JsonArray ?? []).Select(c => c!.GetValue<string>()).ToList();
        if (capabilities.Count > 0)
        {
            arguments.Add("--capabilities");
            arguments.AddRange(capabilities);
        }

        if (_options.RoleArn is { } role)
        {
            arguments.AddRange(["--role-arn", role]);
        }

        if (_options.S3Bucket is { } bucket)
        {
            arguments.AddRange(["--s3-bucket", bucket]);
        }

        if (_options.DryRun)
        {
            var planned = Overrides(step);
            _log.WriteLine($"would run: aws {ShellQuote.Join(WithOverrides(arguments, planned.Select(o => $"{o.Name}={o.Value}")))}");
            foreach (var (name, value, first) in planned.Where(o => o.FirstCreate is not null))
            {
                _log.WriteLine($"  {name}: {first} while the stack is first created, then an update to {value}");
            }

            return;
        }

        RecoverFailedCreate(stack, region);
        var creating = StackStatus.IsBeforeFirstCreate(Describe(stack, region));
        var overrides = Overrides(step);
        var staged = creating ? overrides.Where(o => o.FirstCreate is not null).Select(o => o.Name).ToList() : [];
        if (staged.Count > 0)
        {
            _log.WriteLine($"  first create of {stack}: {string.Join(", ", overrides.Where(o => o.FirstCreate is not null).Select(o => $"{o.Name}={o.FirstCreate}"))} until it succeeds (a failed create must be able to roll back)");
        }

        var result = Aws([.. WithOverrides(arguments, overrides.Select(o => $"{o.Name}={(creating && o.FirstCreate is { } first ? first : o.Value)}"))]);
        _stacks.Remove($"{region}/{stack}");
        if (result.Stdout.Trim() is { Length: > 0 } progress)
        {
            _log.WriteLine(progress);
        }

        if (!result.Succeeded)
        {
            var message = result.Stderr.Trim() is { Length: > 0 } error ? error : result.Stdout.Trim();
            var events = Events(stack, region);
            if (Describe(stack, region) is { } after && IsRolledBackCreate(after))
            {
                message += $"\nThe stack's first create failed and rolled back (ROLLBACK_COMPLETE). Fix the cause and run the same command again: trilho deploy deletes {stack} and creates it anew.";
            }

            throw new StackFailure(stack, region, message, events);
        }

        if (staged.Count > 0)
        {
            FinishFirstCreate(stack, region, arguments, overrides, staged);
        }
    }

    /// <summary>The update right after a first create that sets the parameters created with their firstCreate value to their final one.</summary>
    private void FinishFirstCreate(string stack, string region, List<string> arguments, List<(string Name, string Value, string? FirstCreate)> overrides, List<string> staged)
    {
        _log.WriteLine($"  {stack} created; updating it to {string.Join(", ", overrides.Where(o => o.FirstCreate is not null).Select(o => $"{o.Name}={o.Value}"))}");

        // Image tags were just created with the values passed, so the same list is the stack's current state.
        var result = Aws([.. WithOverrides(arguments, overrides.Select(o => $"{o.Name}={o.Value}"))]);
        _stacks.Remove($"{region}/{stack}");
        if (result.Stdout.Trim() is { Length: > 0 } progress)
        {
            _log.WriteLine(progress);
        }

        if (!result.Succeeded)
        {
            var message = result.Stderr.Trim() is { Length: > 0 } error ? error : result.Stdout.Trim();
            message += $"\n{stack} was created, but the update that sets {string.Join(", ", staged)} failed, so they still have their first-create value. Run the same command again: {stack} exists now, so trilho deploy sets them in its normal update.";
            throw new StackFailure(stack, region, message, Events(stack, region));
        }
    }

    private static List<string> WithOverrides(List<string> arguments, IEnumerable<string> overrides)
    {
        var pairs = overrides.ToList();
        return pairs.Count == 0 ? [.. arguments] : [.. arguments, "--parameter-overrides", .. pairs];
    }

    private static bool IsRolledBackCreate(JsonObject description) => StackStatus.Of(description) == "ROLLBACK_COMPLETE";

    /// <summary>
    /// A failed first create leaves the stack in ROLLBACK_COMPLETE: it holds no resources but blocks its name, and
    /// the only way on is to delete it (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html).
    /// </summary>
    private void RecoverFailedCreate(string stack, string region)
    {
        if (Describe(stack, region) is { } failed && StackStatus.Of(failed) == "ROLLBACK_FAILED")
        {
            throw new StackFailure(stack, region, RollbackFailedHelp(stack, region), Events(stack, region));
        }

        if (Describe(stack, region) is not { } description || !IsRolledBackCreate(description))
        {
            return;
        }

        _log.WriteLine($"  {stack} is in ROLLBACK_COMPLETE (its first create failed and rolled back, nothing of it runs): deleting it to create it again");
        var delete = new List<string> { "cloudformation", "delete-stack", "--stack-name", stack, "--region", region };
        if (_options.RoleArn is { } role)
        {
            delete.AddRange(["--role-arn", role]);
        }

        var deleted = Aws([.. delete]);
        if (deleted.Succeeded)
        {
            deleted = Aws("cloudformation", "wait", "stack-delete-complete", "--stack-name", stack, "--region", region);
        }

        if (deleted.Succeeded)
        {
            // Known to be gone: the deploy below is a first create, without reading the stack again.
            _stacks[$"{region}/{stack}"] = null;
        }
        else
        {
            _stacks.Remove($"{region}/{stack}");
        }

        if (!deleted.Succeeded)
        {
            throw new StackFailure(stack, region, $"{stack} is in ROLLBACK_COMPLETE and deleting it failed: {deleted.Stderr.Trim()}\nDelete it by hand (aws cloudformation delete-stack --stack-name {stack} --region {region}), then run the same command again.", Events(stack, region));
        }
    }

    /// <summary>
    /// ROLLBACK_FAILED: a failed first create could not delete what it created. Before deletion protection was staged
    /// (see <see cref="FinishFirstCreate"/>) that was a protected RDS instance or load balancer; its fixed name then
    /// blocks every new create. Nothing in the stack ever served (the create never completed), so the way out is to
    /// lift the protection and delete the stack; deleting resources is left to a person, not to this tool.
    /// </summary>
    private string RollbackFailedHelp(string stack, string region)
    {
        var role = _options.RoleArn is { } arn ? $" --role-arn {arn}" : string.Empty;
        return $"""
            {stack} is in ROLLBACK_FAILED: its first create failed and the rollback could not delete what it had created (the failed resources below say which; typically a database or load balancer with deletion protection). CloudFormation can neither update it nor create it again until it is deleted, and the database's fixed identifier blocks a new create while the instance exists. The create never completed, so nothing in the stack ever served traffic or data:
              1. lift the protection the events name, e.g.
                 aws rds modify-db-instance --db-instance-identifier <id> --no-deletion-protection --apply-immediately --region {region}
                 aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=false --region {region}
              2. aws cloudformation delete-stack --stack-name {stack} --region {region}{role}
                 aws cloudformation wait stack-delete-complete --stack-name {stack} --region {region}
              3. run the same trilho deploy again: it creates {stack} with deletion protection off and turns it on once the create succeeded.
            (docs/runbook-production.md, "A first deploy ended in ROLLBACK_FAILED")
            """;
    }

    private void PushImages(JsonObject step)
    {
        foreach (var image in (step["images"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var app = DeployPlanFile.Text(image, "app")!;
            var stack = DeployPlanFile.Text(image["tagParameter"], "stack")!;
            var parameter = DeployPlanFile.Text(image["tagParameter"], "parameter")!;
            var region = Steps.OfType<JsonObject>().FirstOrDefault(s => Kind(s) == "deployStack" && Name(s) == stack) is { } appStep ? Region(appStep)! : string.Empty;
            var (tag, fresh) = ImageTag(app, stack, region, parameter);
            if (!fresh || tag is null)
            {
                _log.WriteLine($"  {app}: keeps the image its stack runs");
                continue;
            }

            var uriSource = image["repositoryUri"] as JsonObject;
            var uri = DeployPlanFile.Text(uriSource, "value")
                ?? Output(DeployPlanFile.Text(uriSource, "fromStack")!, DeployPlanFile.Text(uriSource, "region")!, DeployPlanFile.Text(uriSource, "output")!);
            if (_pusher is not null)
            {
                _pusher.Push(app, uri, tag, region);
                continue;
            }

            if (_options.PushCommand is not { } pushCommand)
            {
                _log.WriteLine($"  {app}: expects {uri}:{tag} to be pushed already (no --push-from or --push-command)");
                continue;
            }

            if (_options.DryRun)
            {
                _log.WriteLine($"would push {uri}:{tag} with: {pushCommand}");
                continue;
            }

            _log.WriteLine($"$ {pushCommand}   # {app} -> {uri}:{tag}");
            var result = _tools.Run(_tools.Shell, ["-c", pushCommand], environment: new Dictionary<string, string>
            {
                ["TRILHO_APP"] = app,
                ["TRILHO_REPOSITORY_URI"] = uri,
                ["TRILHO_IMAGE_TAG"] = tag,
                ["TRILHO_REGION"] = region,
            });
            if (result.Stdout.Trim() is { Length: > 0 } output)
            {
                _log.WriteLine(output);
            }

            if (!result.Succeeded)
            {
                throw new StackFailure(stack, region, string.Create(CultureInfo.InvariantCulture, $"pushing {app} ({uri}:{tag}) failed with exit {result.ExitCode}\n{result.Stderr.Trim()}"), null);
            }
        }
    }

    /// <summary>The latest events of a failed stack, failures first: the reason CloudFormation gives is there, not in deploy's output.</summary>
    private string Events(string stack, string region)
    {
        var result = Aws("cloudformation", "describe-stack-events", "--stack-name", stack, "--region", region, "--max-items", "25", "--output", "json");
        if (!result.Succeeded)
        {
            return $"(could not read the stack's events: {result.Stderr.Trim()})";
        }

        JsonArray events;
        try
        {
            events = JsonNode.Parse(result.Stdout)?["StackEvents"] as JsonArray ?? [];
        }
        catch (JsonException)
        {
            return result.Stdout.Trim();
        }

        static string Line(JsonNode? e)
        {
            var reason = DeployPlanFile.Text(e, "ResourceStatusReason");
            return $"  {DeployPlanFile.Text(e, "Timestamp")} {DeployPlanFile.Text(e, "LogicalResourceId")} {DeployPlanFile.Text(e, "ResourceType")} {DeployPlanFile.Text(e, "ResourceStatus")}{(reason is null ? string.Empty : $": {reason}")}";
        }

        var failed = events.Where(e => FailedStatus().IsMatch(DeployPlanFile.Text(e, "ResourceStatus") ?? string.Empty)).ToList();
        var lines = new List<string>();
        if (failed.Count > 0)
        {
            lines.Add("failed resources:");
            lines.AddRange(failed.Select(Line));
        }

        lines.Add("latest events (newest first):");
        lines.AddRange(events.Take(10).Select(Line));
        return string.Join('\n', lines);
    }

    [GeneratedRegex("FAILED")]
    private static partial Regex FailedStatus();
}
