using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>
/// The whole configuration of the app, read only from the environment variables the Trilho platform injects.
/// Anything else (appsettings files, command line) is ignored on purpose so that what runs in AWS is exactly
/// what the platform declared.
/// </summary>
public sealed record AppSettings(int Port, string BasePath, string ConnectionString)
{
    public static AppSettings FromEnvironment(Func<string, string?> env)
    {
        var errors = new List<string>();

        string Required(string name)
        {
            var value = env(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{name} is required");
                return string.Empty;
            }
            return value;
        }

        int PortNumber(string name, string fallback)
        {
            var raw = env(name) ?? fallback;
            if (!int.TryParse(raw, out var port) || port is < 1 or > 65535)
            {
                errors.Add($"{name} must be a TCP port (1-65535), got '{raw}'");
            }
            return port;
        }

        var port = PortNumber("PORT", "8080");
        var basePath = NormalizeBasePath(env("APP_BASE_PATH") ?? "/backend");
        var dbHost = Required("DB_HOST");
        var dbPort = PortNumber("DB_PORT", "5432");
        var dbName = Required("DB_NAME");
        var dbUser = Required("DB_USER");
        var dbPassword = Required("DB_PASSWORD");
        var sslModeRaw = env("DB_SSLMODE") ?? "Require";
        if (!Enum.TryParse<SslMode>(sslModeRaw, ignoreCase: true, out var sslMode))
        {
            errors.Add($"DB_SSLMODE must be one of {string.Join(", ", Enum.GetNames<SslMode>())}, got '{sslModeRaw}'");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", errors));
        }

        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = dbHost,
            Port = dbPort,
            Database = dbName,
            Username = dbUser,
            Password = dbPassword,
            SslMode = sslMode,
            // Fail fast when the database is unreachable: a request should get a 503 in seconds, well
            // within the load balancer's idle timeout, instead of hanging.
            Timeout = 5,
            CommandTimeout = 15,
            ApplicationName = "trilho-sample-backend",
        };
        return new AppSettings(port, basePath, csb.ConnectionString);
    }

    private static string NormalizeBasePath(string raw)
    {
        var trimmed = raw.Trim().TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
