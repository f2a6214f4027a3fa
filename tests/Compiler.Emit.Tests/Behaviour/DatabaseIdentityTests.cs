using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Behaviour;

/// <summary>
/// Issue 12 defect 2: apps log in with an IAM token as their own role (nothing to go stale at a rotation), may not log
/// in as anyone else, and their role owns only its own schema. Evaluated the way AWS and PostgreSQL do: the task role's
/// policy against rds-db:connect requests by the IAM engine (tests/policies/task-roles.test.mjs), the deploy plan's
/// setup step (run and awaited by trilho deploy: tests/Compiler.Tests/Cli/Delivery/TaskRunnerTests.cs), and the setup
/// SQL run against a real PostgreSQL (TRILHO_TEST_PG, default the local server of scripts/ensure-postgres.sh).
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class DatabaseIdentityTests(SynthesisFixture fixture)
{
    // Which database user a task role may connect as is evaluated by the IAM engine in tests/policies/task-roles.test.mjs
    // ("a task role connects to the database only as its app's own role").
    [Fact]
    public void The_execution_role_no_longer_reads_the_master_secret()
    {
        var app = fixture.Stack("desafio-aws", "prod", "app-backend");
        Assert.DoesNotContain("secretsmanager", app.Stack.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_setup_is_a_deploy_step_after_the_shared_stack_and_before_every_app_stack_running_the_role_SQL()
    {
        var plan = fixture.Plan("desafio-aws", "dev");
        var json = System.Text.Json.Nodes.JsonNode.Parse(Trilho.Compiler.Synthesis.DeployPlanJson.Write(plan))!["steps"]!.AsArray();
        var order = json.Select(s => $"{s!["step"]} {s["stack"] ?? s["name"]}").ToList();
        var run = order.IndexOf("runTask databaseRoles");
        Assert.True(run == order.IndexOf("deployStack desafio-dev-shared") + 1, string.Join(", ", order));
        Assert.All(order.Where(o => o.StartsWith("deployStack desafio-dev-app-", StringComparison.Ordinal)), o => Assert.True(order.IndexOf(o) > run, o));

        // The step runs the shared stack's task definition, whose command is the role SQL with the master credentials.
        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var step = json[run]!;
        Assert.Equal("desafio-dev-shared", step["taskDefinition"]!["fromStack"]!.GetValue<string>());
        var output = shared.Root["Outputs"]![step["taskDefinition"]!["output"]!.GetValue<string>()]!["Value"];
        var taskId = Template.Target(output);
        var container = Assert.Single(shared.Resource(taskId!)["Properties"]!["ContainerDefinitions"]!.AsArray())!;
        Assert.Equal(step["container"]!.GetValue<string>(), container["Name"]!.GetValue<string>());
        var command = container["Command"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(DatabaseRoles.Sql("app", ["backend"]), command[^1]);
        Assert.Contains("ON_ERROR_STOP=1", command);
        Assert.Equal(["PGPASSWORD", "PGUSER"], container["Secrets"]!.AsArray().Select(s => s!["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // Nothing else starts it: no rule races the step's own run.
        Assert.Empty(shared.Resources("AWS::Events::Rule"));
        Assert.DoesNotContain(shared.Resources("AWS::Lambda::Function"), _ => true);
    }

    [Fact]
    public async Task Setup_SQL_gives_each_app_a_role_that_owns_its_schema_and_cannot_touch_another_apps_objects()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var database = $"trl_roles_{suffix}";
        string a = $"app-a-{suffix}", b = $"app-b-{suffix}", master = $"master_{suffix}";
        // The RDS master user is not a superuser: it has CREATEROLE and CREATEDB, owns the database it created and
        // may grant rds_iam (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.Roles.html).
        // The setup SQL runs as such a user here, as it does in the task.
        await Psql.RunAsync("postgres", "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN CREATE ROLE rds_iam NOLOGIN; END IF; END$$");
        await Psql.RunAsync("postgres", $"CREATE ROLE {master} LOGIN PASSWORD 'pw-master' NOSUPERUSER CREATEROLE CREATEDB; GRANT rds_iam TO {master} WITH ADMIN OPTION");
        await Psql.RunAsync("postgres", $"CREATE DATABASE {database} OWNER {master}");
        try
        {
            var sql = DatabaseRoles.Sql(database, [a, b]);
            await Psql.RunAsync(database, sql, master, "pw-master");
            await Psql.RunAsync(database, sql, master, "pw-master"); // idempotent: runs after every deploy
            // Locally the roles log in with a password; on RDS, rds_iam makes them log in with an IAM token only.
            await Psql.RunAsync("postgres", $"ALTER ROLE \"{a}\" PASSWORD 'pw-a'; ALTER ROLE \"{b}\" PASSWORD 'pw-b'");

            Assert.Equal("t", (await Psql.RunAsync(database, $"SELECT pg_has_role('{a}', 'rds_iam', 'MEMBER')")).Trim());
            // An app's unqualified CREATE TABLE lands in its own schema (search_path "$user", public).
            await Psql.RunAsync(database, "CREATE TABLE items (id int); INSERT INTO items VALUES (1)", a, "pw-a");
            Assert.Equal(a, (await Psql.RunAsync(database, "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'items'", a, "pw-a")).Trim());

            // The other app can neither read, change nor drop it, nor create in public.
            foreach (var attempt in new[]
            {
                $"SELECT * FROM \"{a}\".items",
                $"DELETE FROM \"{a}\".items",
                $"DROP TABLE \"{a}\".items",
                $"CREATE TABLE \"{a}\".intruder (id int)",
                "CREATE TABLE public.shared_table (id int)",
                $"ALTER SCHEMA \"{a}\" OWNER TO \"{b}\"",
            })
            {
                var error = await Assert.ThrowsAsync<PsqlException>(() => Psql.RunAsync(database, attempt, b, "pw-b"));
                Assert.Matches("permission denied|must be owner", error.Message);
            }

            // And the role is not a superuser and cannot create roles or databases.
            Assert.Equal("f|f|f", (await Psql.RunAsync("postgres", $"SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = '{b}'")).Trim());
        }
        finally
        {
            await Psql.RunAsync("postgres", $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await Psql.RunAsync("postgres", $"DROP ROLE IF EXISTS \"{a}\"; DROP ROLE IF EXISTS \"{b}\"; DROP ROLE IF EXISTS {master}");
        }
    }
}

internal sealed class PsqlException(string message) : Exception(message);

/// <summary>psql against the test server: superuser by default, or as a given role.</summary>
internal static class Psql
{
    public static async Task<string> RunAsync(string database, string sql, string? user = null, string? password = null)
    {
        var server = Server();
        var start = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--no-psqlrc", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", server["host"], "-p", server["port"], "-U", user ?? server["username"], "-d", database, "-c", sql })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = password ?? server["password"];
        start.Environment["PGSSLMODE"] = "disable";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new PsqlException(await error);
        }

        return await output;
    }

    private static Dictionary<string, string> Server()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = "127.0.0.1", ["port"] = "5432", ["username"] = "postgres", ["password"] = "postgres",
        };
        foreach (var part in (Environment.GetEnvironmentVariable("TRILHO_TEST_PG") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            values[kv[0].Trim()] = kv[1].Trim();
        }

        return values;
    }
}
