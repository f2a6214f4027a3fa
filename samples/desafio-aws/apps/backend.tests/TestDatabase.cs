using Npgsql;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// A throw-away database on the real PostgreSQL server named by TRILHO_TEST_PG (a superuser connection
/// string). Created empty: the backend's own startup migration must create the schema.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly List<string> _roles = [];

    private TestDatabase(string name) => Name = name;

    public string Name { get; }

    public static NpgsqlConnectionStringBuilder Server => new(
        Environment.GetEnvironmentVariable("TRILHO_TEST_PG") is { Length: > 0 } cs ? cs : DefaultServer)
    {
        Database = "postgres",
        Pooling = false,
    };

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = Name }.ConnectionString;

    public static async Task<TestDatabase> CreateAsync()
    {
        PostgresServer.Require();
        var db = new TestDatabase("trilho_test_" + Guid.NewGuid().ToString("N")[..12]);
        await AdminAsync($"CREATE DATABASE {db.Name}");
        return db;
    }

    /// <summary>Simulates an outage: refuse new connections and kill the existing ones.</summary>
    /// <remarks>
    /// ALLOW_CONNECTIONS applies to superusers too (unlike REVOKE CONNECT), and is set before terminating, so
    /// the app cannot slip a new connection in between.
    /// </remarks>
    public async Task TakeDownAsync()
    {
        await AdminAsync($"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
    }

    public Task BringUpAsync() => AdminAsync($"ALTER DATABASE {Name} ALLOW_CONNECTIONS true");

    /// <summary>Counts rows directly in the database, bypassing the API, to prove what was (not) written.</summary>
    public async Task<long> CountItemsAsync()
    {
        await using var c = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM items", c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// An app role as the platform creates it (DatabaseRoles in the compiler): LOGIN, not superuser, CONNECT on this
    /// database, and a schema of its own name. Locally it logs in with a password; on RDS with an IAM token.
    /// </summary>
    public async Task<string> CreateAppRoleAsync(string password)
    {
        var role = "app_" + Guid.NewGuid().ToString("N")[..10];
        await AdminAsync($"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'");
        _roles.Add(role);
        await AdminAsync($"GRANT CONNECT, TEMPORARY ON DATABASE {Name} TO {role}");
        await AdminAsync($"REVOKE CREATE ON SCHEMA public FROM PUBLIC; CREATE SCHEMA {role} AUTHORIZATION {role}", Name);
        return role;
    }

    /// <summary>What a rotation does to the role: a new password, from now on.</summary>
    public Task SetPasswordAsync(string role, string password) => AdminAsync($"ALTER ROLE {role} PASSWORD '{password}'");

    /// <summary>What a failover or a reboot does to open connections: the server ends them.</summary>
    public Task TerminateConnectionsAsync(string role) =>
        AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");

    /// <summary>Backend process ids of the role's open connections.</summary>
    public async Task<List<int>> ConnectionsOfAsync(string role)
    {
        await using var c = new NpgsqlConnection(Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT pid FROM pg_stat_activity WHERE usename = '{role}' ORDER BY pid", c);
        var pids = new List<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    /// <summary>Opens a connection as <paramref name="role"/> and runs <paramref name="sql"/>.</summary>
    public async Task<object?> RunAsAsync(string role, string password, string sql)
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role, Password = password, Pooling = false };
        await using var c = new NpgsqlConnection(csb.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await AdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        foreach (var role in _roles)
        {
            await AdminAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task AdminAsync(string sql, string? database = null)
    {
        var csb = Server;
        csb.Database = database ?? csb.Database;
        await using var c = new NpgsqlConnection(csb.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
