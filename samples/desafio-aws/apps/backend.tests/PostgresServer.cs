using Npgsql;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The PostgreSQL server the tests create their databases on (TRILHO_TEST_PG), probed once. When it cannot be reached,
/// <see cref="PostgresServerTests"/> fails with how to start it and the tests that need it are skipped, so a newcomer
/// sees one clear failure instead of dozens of "connection refused"; under CI=true they are not skipped but fail with
/// the same message, so CI never passes without them.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Why the server cannot be used, with how to start it; null when it answers.</summary>
    public static string? Unreachable => Problem.Value;

    /// <summary>The skip reason for a test that needs the server: null (run) when it answers or under CI.</summary>
    public static string? SkipReason =>
        Unreachable is { } problem && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? problem
            : null;

    /// <summary>Throws with the instructions when the server cannot be used (the fixtures call it first).</summary>
    public static void Require()
    {
        if (Unreachable is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static string? Probe()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.Server.ConnectionString) { Timeout = 5 };
        try
        {
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return $"PostgreSQL is not reachable at {server.Host}:{server.Port} as '{server.Username}' ({ex.Message}). "
                + "Start it from the repository root with `bash scripts/ensure-postgres.sh` (as root: installs and starts PostgreSQL on "
                + "127.0.0.1:5432 with postgres/postgres; `bash scripts/ensure-tools.sh` also sets up everything else the tests need), "
                + "or set TRILHO_TEST_PG to a superuser connection string of another server. "
                + "Tests that need it are skipped outside CI and fail under CI=true.";
        }
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped, with how to start it, when the server is down outside CI.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>A theory that needs the PostgreSQL server (see <see cref="DatabaseFactAttribute"/>).</summary>
public sealed class DatabaseTheoryAttribute : TheoryAttribute
{
    public DatabaseTheoryAttribute() => Skip = PostgresServer.SkipReason;
}

public sealed class PostgresServerTests
{
    [Fact]
    public void The_test_database_server_answers() => Assert.True(PostgresServer.Unreachable is null, PostgresServer.Unreachable);
}
