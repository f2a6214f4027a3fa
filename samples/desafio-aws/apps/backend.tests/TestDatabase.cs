using Npgsql;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// A throw-away database on the real PostgreSQL server named by TRILHO_TEST_PG (a superuser connection
/// string). Created empty: the backend's own startup migration must create the schema.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

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

    public async ValueTask DisposeAsync() => await AdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private static async Task AdminAsync(string sql)
    {
        await using var c = new NpgsqlConnection(Server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
