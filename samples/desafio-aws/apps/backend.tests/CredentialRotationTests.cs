using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// Issue 12 defect 2: a running task must keep opening connections after its database credential changes (on AWS a
/// new IAM token per connection; here a password file read per connection, the same provider hook) and after the
/// server drops its connections (a Multi-AZ failover, a reboot). Runs as a per-app role that owns its own schema,
/// never as a superuser.
/// </summary>
public sealed class CredentialRotationTests
{
    [DatabaseFact]
    public async Task A_password_changed_while_the_app_runs_does_not_break_new_connections()
    {
        await using var db = await TestDatabase.CreateAsync();
        var role = await db.CreateAppRoleAsync("first-password");
        var passwordFile = Path.Combine(Directory.CreateTempSubdirectory("trilho-pw-").FullName, "password");
        await File.WriteAllTextAsync(passwordFile, "first-password\n");
        await using var app = BackendFactory.For(db, env => AsRole(env, role, passwordFile));
        using var client = app.CreateClient();

        using (var before = await client.PostAsJsonAsync("backend/items", new { title = "before rotation" }))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }
        var connectionsBefore = await db.ConnectionsOfAsync(role);
        Assert.NotEmpty(connectionsBefore);

        // The rotation: the provider now returns a new password, the role's password changes, and the server drops
        // every open connection (failover), so the pool must open new ones.
        await File.WriteAllTextAsync(passwordFile, "second-password\n");
        await db.SetPasswordAsync(role, "second-password");
        await db.TerminateConnectionsAsync(role);
        await Assert.ThrowsAsync<PostgresException>(() => db.RunAsAsync(role, "first-password", "SELECT 1"));

        // At most one request per pooled socket the server killed may fail; then every request succeeds.
        await WaitUntilReadyAsync(client, maxAttempts: 3);
        for (var i = 0; i < 5; i++)
        {
            using var after = await client.PostAsJsonAsync("backend/items", new { title = $"after rotation {i}" });
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        }

        // New physical connections, opened after the change, hence with the new password.
        var connectionsAfter = await db.ConnectionsOfAsync(role);
        Assert.NotEmpty(connectionsAfter);
        Assert.Empty(connectionsAfter.Intersect(connectionsBefore));
        Assert.Equal(6L, await db.RunAsAsync(role, "second-password", "SELECT count(*) FROM items"));
        // The app's table is in the role's own schema, not in public.
        Assert.Equal(role, await db.RunAsAsync(role, "second-password", "SELECT table_schema::text FROM information_schema.tables WHERE table_name = 'items'"));
    }

    [DatabaseFact]
    public async Task A_password_read_once_at_start_goes_stale_at_the_first_rotation()
    {
        // What apps did before (DB_PASSWORD injected by ECS at task start): this is the defect the provider fixes.
        await using var db = await TestDatabase.CreateAsync();
        var role = await db.CreateAppRoleAsync("first-password");
        await using var app = BackendFactory.For(db, env =>
        {
            env["DB_USER"] = role;
            env["DB_PASSWORD"] = "first-password";
        });
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("backend/health/ready")).StatusCode);

        await db.SetPasswordAsync(role, "second-password");
        await db.TerminateConnectionsAsync(role);

        for (var i = 0; i < 4; i++)
        {
            await Problems.AssertProblemAsync(await client.GetAsync("backend/health/ready"), HttpStatusCode.ServiceUnavailable);
        }
    }

    [DatabaseFact]
    public async Task Another_apps_role_cannot_touch_this_apps_objects()
    {
        await using var db = await TestDatabase.CreateAsync();
        var role = await db.CreateAppRoleAsync("mine");
        var other = await db.CreateAppRoleAsync("theirs");
        await using var app = BackendFactory.For(db, env =>
        {
            env["DB_USER"] = role;
            env["DB_PASSWORD"] = "mine";
        });
        using var client = app.CreateClient();
        using (var created = await client.PostAsJsonAsync("backend/items", new { title = "private" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var sql in new[] { $"SELECT count(*) FROM {role}.items", $"DELETE FROM {role}.items", $"DROP TABLE {role}.items" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => db.RunAsAsync(other, "theirs", sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }

    private static void AsRole(Dictionary<string, string?> env, string role, string passwordFile)
    {
        env["DB_USER"] = role;
        env["DB_PASSWORD"] = null;
        env["DB_PASSWORD_FILE"] = passwordFile;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, int maxAttempts)
    {
        var last = string.Empty;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            using var response = await client.GetAsync("backend/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            last = await response.Content.ReadAsStringAsync();
        }
        Assert.Fail($"not ready after {maxAttempts} requests: {last}");
    }
}
