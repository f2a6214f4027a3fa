using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>
/// The whole configuration of the app, read only from the environment variables the Trilho platform injects.
/// Anything else (appsettings files, command line) is ignored on purpose so that what runs in AWS is exactly
/// what the platform declared.
/// </summary>
/// <param name="Port">PORT.</param>
/// <param name="BasePath">APP_BASE_PATH.</param>
/// <param name="ConnectionString">Everything but the password.</param>
/// <param name="Password">Where each new connection's password comes from (DB_AUTH).</param>
public sealed record AppSettings(int Port, string BasePath, string ConnectionString, DatabasePassword Password)
{
    public static AppSettings FromEnvironment(Func<string, string?> env) => FromEnvironment(env, TimeProvider.System);

    public static AppSettings FromEnvironment(Func<string, string?> env, TimeProvider clock)
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
        var sslModeRaw = env("DB_SSLMODE") ?? nameof(SslMode.VerifyFull);
        if (!Enum.TryParse<SslMode>(sslModeRaw, ignoreCase: true, out var sslMode))
        {
            errors.Add($"DB_SSLMODE must be one of {string.Join(", ", Enum.GetNames<SslMode>())}, got '{sslModeRaw}'");
        }

        // RDS certificates chain to Amazon RDS CAs, which no system trust store has: verifying needs the bundle.
        var rootCertificate = env("DB_SSLROOTCERT");
        if (sslMode is SslMode.VerifyFull or SslMode.VerifyCA && (string.IsNullOrWhiteSpace(rootCertificate) || !File.Exists(rootCertificate)))
        {
            errors.Add($"DB_SSLMODE={sslMode} needs DB_SSLROOTCERT, the RDS CA bundle file (the image provides it), got '{rootCertificate}'");
        }

        DatabasePassword? password = null;
        var auth = (env("DB_AUTH") ?? "password").Trim().ToLowerInvariant();
        if (auth == "iam")
        {
            // Trilho on AWS: the task role signs a 15-minute token for every new connection; no password to rotate.
            var region = Required("AWS_REGION");
            password = new IamTokenPassword(dbHost, dbPort, dbUser, region, clock);
        }
        else if (auth == "password")
        {
            password = env("DB_PASSWORD_FILE") is { Length: > 0 } file ? new FilePassword(file)
                : env("DB_PASSWORD") is { Length: > 0 } fixedValue ? new FixedPassword(fixedValue)
                : null;
            if (password is null)
            {
                errors.Add("DB_AUTH=password needs DB_PASSWORD_FILE or DB_PASSWORD");
            }
        }
        else
        {
            errors.Add($"DB_AUTH must be 'iam' or 'password', got '{auth}'");
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
            SslMode = sslMode,
            RootCertificate = string.IsNullOrWhiteSpace(rootCertificate) ? null : rootCertificate,
            // Fail fast when the database is unreachable: a request should get a 503 in seconds, well
            // within the load balancer's idle timeout, instead of hanging.
            Timeout = 5,
            CommandTimeout = 15,
            ApplicationName = "trilho-sample-backend",
        };
        return new AppSettings(port, basePath, csb.ConnectionString, password!);
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
