using System.Text.Json.Nodes;
using static Trilho.Compiler.Tests.Cli.Delivery.FakeAws;

namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary>
/// The plan's runTask step (the database role setup, ADR 0009) through <c>trilho deploy</c> against the fake AWS CLI:
/// it runs after the shared stack and before any app stack, and the deploy stops unless the container exits 0.
/// </summary>
public sealed class TaskRunnerTests
{
    private const string TaskDefinition = "arn:aws:ecs:sa-east-1:111111111111:task-definition/desafio-dev-database-roles:3";

    private static string StackOf(string[] call) => Flag(call, "--stack-name");

    /// <summary>The fixture plan with the runTask step the compiler writes after the shared stack.</summary>
    private static string RolesPlan(FakeAws aws) => aws.PlanVariant("roles", steps =>
    {
        var shared = steps.IndexOf(steps.Single(s => s!["stack"]?.GetValue<string>() == "desafio-dev-shared"));
        JsonObject Output(string name) => new() { ["fromStack"] = "desafio-dev-shared", ["region"] = "sa-east-1", ["output"] = name };
        steps.Insert(shared + 1, new JsonObject
        {
            ["step"] = "runTask",
            ["name"] = "databaseRoles",
            ["description"] = "Create each app's database role.",
            ["region"] = "sa-east-1",
            ["cluster"] = Output("ClusterName"),
            ["taskDefinition"] = Output("DatabaseRolesTaskDefinitionArn"),
            ["container"] = "psql",
            ["subnets"] = new JsonArray(Output("PrivateSubnet1Id"), Output("PrivateSubnet2Id")),
            ["securityGroup"] = Output("DatabaseRolesSecurityGroupId"),
            ["logGroup"] = Output("DatabaseRolesLogGroupName"),
            ["logStreamPrefix"] = "roles",
        });
    });

    [Fact]
    public void Runs_the_task_after_the_shared_stack_waits_for_it_and_deploys_the_app_stacks_only_after_it_exited_0()
    {
        using var aws = new FakeAws();
        var (code, output, error) = aws.Run("deploy", RolesPlan(aws), "--image-tag", "backend=v1");
        Assert.True(code == 0, error);
        var calls = aws.Calls;
        var run = calls.Single(c => c is ["ecs", "run-task", ..]);
        Assert.Equal(("desafio-dev", TaskDefinition, "FARGATE", "sa-east-1"), (Flag(run, "--cluster"), Flag(run, "--task-definition"), Flag(run, "--launch-type"), Flag(run, "--region")));
        Assert.Equal("awsvpcConfiguration={subnets=[subnet-0a,subnet-0b],securityGroups=[sg-0roles],assignPublicIp=DISABLED}", Flag(run, "--network-configuration"));
        var wait = calls.Single(c => c is ["ecs", "wait", ..]);
        Assert.Equal(("tasks-stopped", "arn:aws:ecs:sa-east-1:111111111111:task/desafio-dev/0f1e2d3c4b5a69781"), (wait[2], Flag(wait, "--tasks")));
        var order = calls.Select(c => c[1] == "deploy" ? $"deploy {StackOf(c)}" : $"{c[0]} {c[1]}").ToList();
        Assert.True(order.IndexOf("deploy desafio-dev-shared") < order.IndexOf("ecs run-task"));
        Assert.True(order.IndexOf("ecs run-task") < order.IndexOf("ecs wait"));
        Assert.True(order.IndexOf("ecs wait") < order.IndexOf("ecs describe-tasks"));
        Assert.True(order.IndexOf("ecs describe-tasks") < order.IndexOf("deploy desafio-dev-app-backend"));
        Assert.Contains("databaseRoles: container psql exited 0", output, StringComparison.Ordinal);
        Assert.Contains("step 3/7 (runTask databaseRoles in sa-east-1)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c is ["ecs", "stop-task", ..]);

        // Idempotent by design: the next deploy runs it again.
        Assert.Equal(0, aws.Run("deploy", RolesPlan(aws), "--image-tag", "backend=v2").Code);
        Assert.Equal(2, aws.Calls.Count(c => c is ["ecs", "run-task", ..]));
    }

    [Fact]
    public void A_container_that_exits_1_stops_the_deploy_before_any_app_stack_with_its_exit_code_and_last_log_lines()
    {
        using var aws = new FakeAws(new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["exitCode"] = 1,
                ["logs"] = new JsonArray("psql: error: connection to server at \"desafio-dev-main.c1.sa-east-1.rds.amazonaws.com\" (10.0.3.4), port 5432 failed: FATAL:  password authentication failed for user \"trilho\""),
            },
        });
        var (code, _, error) = aws.Run("deploy", RolesPlan(aws), "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("trilho deploy: error at step 3/7 (runTask databaseRoles in sa-east-1): databaseRoles: container psql exited 1", error, StringComparison.Ordinal);
        Assert.Contains("databaseRoles: container psql exited 1", error, StringComparison.Ordinal);
        Assert.Contains("task: EssentialContainerExited: Essential container in task exited", error, StringComparison.Ordinal);
        Assert.Contains("last log lines (desafio-dev-database-roles roles/psql/0f1e2d3c4b5a69781)", error, StringComparison.Ordinal);
        Assert.Contains("password authentication failed for user \"trilho\"", error, StringComparison.Ordinal);
        Assert.Contains("run the same command again", error, StringComparison.Ordinal);
        var logs = aws.Calls.Single(c => c is ["logs", "get-log-events", ..]);
        Assert.Equal(("desafio-dev-database-roles", "roles/psql/0f1e2d3c4b5a69781", "sa-east-1"), (Flag(logs, "--log-group-name"), Flag(logs, "--log-stream-name"), Flag(logs, "--region")));
        Assert.Equal(["desafio-dev-global", "desafio-dev-shared"], aws.Deploys.Select(StackOf));
        Assert.Empty(aws.Pushes);
    }

    [Fact]
    public void A_task_that_never_ran_its_container_says_why_ecs_stopped_it()
    {
        using var aws = new FakeAws(new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["exitCode"] = null,
                ["reason"] = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref public.ecr.aws/docker/library/postgres:16-alpine: i/o timeout",
                ["stopCode"] = "TaskFailedToStart",
                ["stoppedReason"] = "Task failed to start",
            },
        });
        var (code, _, error) = aws.Run("deploy", RolesPlan(aws), "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("container psql did not run to an exit code", error, StringComparison.Ordinal);
        Assert.Contains("container: CannotPullContainerError", error, StringComparison.Ordinal);
        Assert.Contains("task: TaskFailedToStart: Task failed to start", error, StringComparison.Ordinal);
        Assert.Contains("no log of the task (desafio-dev-database-roles roles/psql/", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-app-backend");
    }

    [Fact]
    public void A_task_still_running_when_the_wait_gives_up_is_stopped_and_the_deploy_fails()
    {
        using var aws = new FakeAws(new JsonObject { ["task"] = new JsonObject { ["neverStops"] = true, ["logs"] = new JsonArray("waiting for the database...") } });
        var (code, _, error) = aws.Run("deploy", RolesPlan(aws), "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("task arn:aws:ecs:sa-east-1:111111111111:task/desafio-dev/0f1e2d3c4b5a69781 did not stop in time (Waiter TasksStopped failed: Max attempts exceeded); trilho deploy stopped it", error, StringComparison.Ordinal);
        Assert.Contains("waiting for the database...", error, StringComparison.Ordinal);
        var stop = aws.Calls.Single(c => c is ["ecs", "stop-task", ..]);
        Assert.Equal(("desafio-dev", "arn:aws:ecs:sa-east-1:111111111111:task/desafio-dev/0f1e2d3c4b5a69781"), (Flag(stop, "--cluster"), Flag(stop, "--task")));
        Assert.DoesNotContain(aws.Calls, c => c is ["ecs", "describe-tasks", ..]);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-app-backend");
    }

    [Fact]
    public void A_deploy_role_without_the_grant_yet_is_told_to_deploy_the_delivery_stack_first()
    {
        using var aws = new FakeAws(new JsonObject { ["task"] = new JsonObject { ["denied"] = true } });
        var plan = aws.PlanVariant("roles-delivery", steps =>
        {
            var roles = JsonNode.Parse(File.ReadAllText(RolesPlan(aws)))!["steps"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "runTask")!;
            steps.Insert(2, roles.DeepClone());
            steps.Add(new JsonObject { ["step"] = "deployStack", ["stack"] = "desafio-dev-delivery", ["region"] = "sa-east-1", ["template"] = "desafio-dev-delivery.template.json", ["capabilities"] = new JsonArray(), ["parameters"] = new JsonObject() });
        });
        var (code, _, error) = aws.Run("deploy", plan, "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("databaseRoles: the deploy role may not run the task", error, StringComparison.Ordinal);
        Assert.Contains("Deploy that stack first (trilho deploy <plan> --only desafio-dev-delivery", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-app-backend");
    }

    [Fact]
    public void Only_an_app_stack_does_not_run_the_task_and_dry_run_only_prints_it()
    {
        using var aws = new FakeAws(Existing(["desafio-dev-global", "desafio-dev-shared", "desafio-dev-app-backend", "desafio-dev-app-frontend", "desafio-dev-edge"]));
        Assert.Equal(0, aws.Run("deploy", RolesPlan(aws), "--only", "desafio-dev-app-backend", "--image-tag", "backend=v3").Code);
        Assert.DoesNotContain(aws.Calls, c => c[0] == "ecs");

        var before = aws.Calls.Count;
        var (code, output, error) = aws.Run("deploy", RolesPlan(aws), "--dry-run");
        Assert.True(code == 0, error);
        // A dry run reads the live stacks and templates (the destroyed-data check), and calls nothing else.
        Assert.All(aws.Calls.Skip(before), c => Assert.Contains(c[1], new[] { "describe-stacks", "get-template" }));
        Assert.Contains("would run: aws ecs run-task --cluster '<output ClusterName of desafio-dev-shared>'", output, StringComparison.Ordinal);
        Assert.Contains("fail unless container psql exits 0", output, StringComparison.Ordinal);
    }
}
