using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// Runs a plan's runTask step: starts the one-off Fargate task (<c>aws ecs run-task</c>), waits until it stops
/// (<c>aws ecs wait tasks-stopped</c>), and succeeds only when its container exited 0. Otherwise the failure says why
/// (exit code, ECS's stop reason, the container's last log lines), and a task still running when the wait gives up is
/// stopped, so a failed deploy leaves nothing behind. The task must be idempotent: every deploy runs it again.
/// </summary>
public sealed class TaskRunner
{
    /// <summary>How many of the container's last log lines a failure shows.</summary>
    public const int LogLines = 30;

    private readonly Tools _tools;
    private readonly TextWriter _log;
    private readonly bool _dryRun;

    /// <summary>Prepares runs with <paramref name="tools"/>' aws, logging to <paramref name="log"/>.</summary>
    public TaskRunner(Tools tools, TextWriter log, bool dryRun)
    {
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _dryRun = dryRun;
    }

    /// <summary>
    /// Runs <paramref name="step"/>, reading its values with <paramref name="resolve"/>; <paramref name="deliveryStack"/>
    /// (the plan's delivery stack, or null) is named when the caller may not run the task.
    /// </summary>
    /// <exception cref="DeliveryException">The task could not start, did not stop in time, or its container failed.</exception>
    public void Run(JsonObject step, Func<JsonObject?, string> resolve, string? deliveryStack)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(resolve);
        var name = DeployPlanFile.Text(step, "name") ?? "task";
        var region = DeployPlanFile.Text(step, "region") ?? throw new DeliveryException($"runTask {name} has no region");
        var container = DeployPlanFile.Text(step, "container") ?? throw new DeliveryException($"runTask {name} has no container");
        var cluster = resolve(step["cluster"] as JsonObject);
        var definition = resolve(step["taskDefinition"] as JsonObject);
        var subnets = (step["subnets"] as JsonArray ?? []).Select(s => resolve(s as JsonObject)).ToList();
        var securityGroup = resolve(step["securityGroup"] as JsonObject);
        var network = $"awsvpcConfiguration={{subnets=[{string.Join(',', subnets)}],securityGroups=[{securityGroup}],assignPublicIp=DISABLED}}";
        string[] start =
        [
            "ecs", "run-task", "--cluster", cluster, "--task-definition", definition, "--launch-type", "FARGATE", "--count", "1",
            "--started-by", "trilho-deploy", "--network-configuration", network, "--region", region, "--output", "json",
        ];
        if (_dryRun)
        {
            _log.WriteLine($"would run: aws {ShellQuote.Join(start)}, wait until it stops, and fail unless container {container} exits 0");
            return;
        }

        var started = Aws(start);
        var task = started.Succeeded ? Parse(started.Stdout)?["tasks"]?[0]?["taskArn"]?.GetValue<string>() : null;
        if (task is null)
        {
            var failures = started.Succeeded ? Parse(started.Stdout)?["failures"]?.ToJsonString() : null;
            if (!started.Succeeded && started.Stderr.Contains("AccessDenied", StringComparison.Ordinal) && deliveryStack is not null)
            {
                // The deploy role's grants live in the delivery stack, which the plan deploys last: right after an
                // upgrade that adds this step, the role does not have them yet.
                throw new DeliveryException($"{name}: the deploy role may not run the task: {started.Stderr.Trim()}\nIts permissions come from {deliveryStack}, deployed at the end of the plan. Deploy that stack first (trilho deploy <plan> --only {deliveryStack}, same role and options), then the whole plan again.");
            }

            throw new DeliveryException($"{name}: the task did not start: {(started.Succeeded ? failures ?? started.Stdout.Trim() : started.Stderr.Trim())}");
        }

        _log.WriteLine($"  {name}: started {task}; waiting for it to stop");
        var waited = Aws("ecs", "wait", "tasks-stopped", "--cluster", cluster, "--tasks", task, "--region", region);
        if (!waited.Succeeded)
        {
            // The CLI's waiter gives up after 100 polls 6 s apart (10 minutes); the task would go on without a witness.
            var stopped = Aws("ecs", "stop-task", "--cluster", cluster, "--task", task, "--reason", "trilho deploy stopped waiting for it", "--region", region, "--output", "json");
            var stopNote = stopped.Succeeded ? "trilho deploy stopped it" : $"stopping it failed too: {stopped.Stderr.Trim()}";
            throw new DeliveryException($"{name}: task {task} did not stop in time ({waited.Stderr.Trim()}); {stopNote}.\n{Logs(step, resolve, task, container, region)}\n{Retry}");
        }

        var described = Aws("ecs", "describe-tasks", "--cluster", cluster, "--tasks", task, "--region", region, "--output", "json");
        var stoppedTask = described.Succeeded ? Parse(described.Stdout)?["tasks"]?[0] as JsonObject : null;
        if (stoppedTask is null)
        {
            throw new DeliveryException($"{name}: cannot read task {task} after it stopped: {described.Stderr.Trim()}");
        }

        var main = (stoppedTask["containers"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => DeployPlanFile.Text(c, "name") == container);
        var exitCode = main?["exitCode"]?.GetValueKind() == JsonValueKind.Number ? main["exitCode"]!.GetValue<int>() : (int?)null;
        if (exitCode == 0)
        {
            _log.WriteLine($"  {name}: container {container} exited 0");
            return;
        }

        var outcome = exitCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"container {container} exited {code}")
            : $"container {container} did not run to an exit code";
        var reasons = new[]
        {
            DeployPlanFile.Text(main, "reason") is { } reason ? $"container: {reason}" : null,
            DeployPlanFile.Text(stoppedTask, "stopCode") is { } stopCode ? $"task: {stopCode}: {DeployPlanFile.Text(stoppedTask, "stoppedReason")}" : null,
        }.OfType<string>().ToList();
        throw new DeliveryException($"{name}: {outcome} (task {task}){(reasons.Count > 0 ? "\n  " + string.Join("\n  ", reasons) : string.Empty)}\n{Logs(step, resolve, task, container, region)}\n{Retry}");
    }

    private const string Retry = "Nothing after this step ran. Fix the cause and run the same command again: the task is idempotent and runs on every deploy.";

    /// <summary>The container's last log lines (awslogs stream <c>&lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;</c>).</summary>
    private string Logs(JsonObject step, Func<JsonObject?, string> resolve, string task, string container, string region)
    {
        var group = resolve(step["logGroup"] as JsonObject);
        var stream = $"{DeployPlanFile.Text(step, "logStreamPrefix")}/{container}/{task[(task.LastIndexOf('/') + 1)..]}";
        var result = Aws("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", stream, "--limit", LogLines.ToString(CultureInfo.InvariantCulture), "--region", region, "--output", "json");
        if (!result.Succeeded)
        {
            return $"no log of the task ({group} {stream}): {result.Stderr.Trim()}";
        }

        var lines = (Parse(result.Stdout)?["events"] as JsonArray ?? []).Select(e => "  " + (DeployPlanFile.Text(e, "message") ?? string.Empty).TrimEnd()).ToList();
        return lines.Count == 0
            ? $"the task logged nothing ({group} {stream})"
            : $"last log lines ({group} {stream}):\n{string.Join('\n', lines)}";
    }

    private ProcessResult Aws(params string[] arguments)
    {
        _log.WriteLine($"$ aws {ShellQuote.Join(arguments)}");
        return _tools.Run(_tools.Aws, arguments);
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
