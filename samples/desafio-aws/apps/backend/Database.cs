using System.Net.Sockets;
using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>The database cannot be reached or refuses work right now; the API answers 503.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Opens one connection per request from the shared <see cref="NpgsqlDataSource"/> (which pools them) and
/// makes sure the schema exists first. Turns "the database is not there" failures into
/// <see cref="DatabaseUnavailableException"/> so that every endpoint reports them the same way.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource, ILogger<Database> logger)
{
    // Serialises the migration across app instances that start together (several Fargate tasks):
    // concurrent CREATE TABLE IF NOT EXISTS can otherwise fail on the catalog's unique indexes.
    private const long MigrationLockKey = 7_313_808_001;

    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS items (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            title       varchar(200) NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
            done        boolean      NOT NULL DEFAULT false,
            created_at  timestamptz  NOT NULL DEFAULT now()
        );
        """;

    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public bool IsMigrated => _migrated;

    /// <summary>Opens a connection, running the (idempotent) migration once per process on first success.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }

        try
        {
            if (!_migrated)
            {
                await MigrateAsync(connection, ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection, classifying database outages.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            return await work(connection);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await _migrationGate.WaitAsync(ct);
        try
        {
            if (_migrated)
            {
                return;
            }
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
            {
                lockCmd.Parameters.AddWithValue("key", MigrationLockKey);
                await lockCmd.ExecuteNonQueryAsync(ct);
            }
            await using (var cmd = new NpgsqlCommand(SchemaSql, connection, tx))
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            _migrated = true;
            logger.LogInformation("Database schema is up to date");
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    private DatabaseUnavailableException Unavailable(Exception ex)
    {
        // Pooled connections are likely dead too (server restarted, failover): drop them so the next
        // request opens a fresh one instead of failing once more on a stale socket.
        dataSource.Clear();
        logger.LogWarning(ex, "Database unavailable: {Reason}", ex.Message);
        return new DatabaseUnavailableException("The database is unavailable.", ex);
    }

    /// <summary>
    /// True for failures that mean "the database is not reachable or not accepting work", as opposed to a
    /// bug in a query (which stays a 500).
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        DatabaseUnavailableException => true,
        PostgresException pg => IsUnavailableSqlState(pg.SqlState),
        NpgsqlException => true, // I/O, socket and timeout failures talking to the server
        SocketException or TimeoutException => true,
        _ => false,
    };

    private static bool IsUnavailableSqlState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)    // connection exceptions
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (too many connections)
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
        || sqlState is "3D000"  // database does not exist (yet)
            or "55000"          // database is not accepting connections
            or "28000" or "28P01" // authentication failed (e.g. rotated secret not yet picked up)
            or "42501"          // no CONNECT privilege
            or "25006";         // read-only transaction (failover to a replica)
}
