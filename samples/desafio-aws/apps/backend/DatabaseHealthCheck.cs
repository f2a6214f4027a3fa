using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>
/// Readiness: the app can log in as its role (on AWS with a freshly signed IAM token) and the schema is in place. Any
/// failure, including one to get the task role's credentials, makes the app not ready instead of an error page.
/// </summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await database.RunAsync(async connection =>
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return await command.ExecuteScalarAsync(cancellationToken);
            }, cancellationToken);
            return HealthCheckResult.Healthy("The database answers and the schema is in place.");
        }
        catch (DatabaseUnavailableException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database is unavailable.", ex);
        }
    }
}
