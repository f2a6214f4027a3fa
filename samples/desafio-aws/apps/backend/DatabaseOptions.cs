using Microsoft.Extensions.Options;
using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>How the app logs in to the database (docs/decisions/0009-database-identity.md).</summary>
public enum DatabaseAuth
{
    /// <summary>A password from DB_PASSWORD_FILE (read for every new connection) or DB_PASSWORD: local runs and tests.</summary>
    Password,

    /// <summary>An IAM token signed with the task role for every new connection: what Trilho sets on AWS.</summary>
    Iam,
}

/// <summary>
/// Where the database is and how to log in, bound from the exact variables Trilho injects (ApiService.EnvironmentOf in
/// the compiler, docs/app-contract.md) and validated at start. No password on AWS: the app signs an IAM token as its
/// own role.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>DB_HOST: on AWS the RDS instance endpoint, the name the certificate and the IAM token are for. Required.</summary>
    [ConfigurationKeyName("DB_HOST")]
    public string? Host { get; set; }

    /// <summary>DB_PORT. Default 5432.</summary>
    [ConfigurationKeyName("DB_PORT")]
    public int Port { get; set; } = 5432;

    /// <summary>DB_NAME. Required.</summary>
    [ConfigurationKeyName("DB_NAME")]
    public string? Name { get; set; }

    /// <summary>DB_USER: the app's own role (on AWS <c>backend</c>, owner of schema <c>backend</c>). Required.</summary>
    [ConfigurationKeyName("DB_USER")]
    public string? User { get; set; }

    /// <summary>DB_AUTH: <c>iam</c> or <c>password</c>. Default <c>password</c>, since only AWS can sign a token.</summary>
    [ConfigurationKeyName("DB_AUTH")]
    public DatabaseAuth Auth { get; set; } = DatabaseAuth.Password;

    /// <summary>DB_PASSWORD_FILE: with <see cref="DatabaseAuth.Password"/>, a file read again for every new connection.</summary>
    [ConfigurationKeyName("DB_PASSWORD_FILE")]
    public string? PasswordFile { get; set; }

    /// <summary>DB_PASSWORD: with <see cref="DatabaseAuth.Password"/> and no file, a fixed password.</summary>
    [ConfigurationKeyName("DB_PASSWORD")]
    public string? Password { get; set; }

    /// <summary>DB_SSLMODE: an Npgsql <see cref="Npgsql.SslMode"/>. Default VerifyFull.</summary>
    [ConfigurationKeyName("DB_SSLMODE")]
    public SslMode SslMode { get; set; } = SslMode.VerifyFull;

    /// <summary>DB_SSLROOTCERT: the CA bundle VerifyFull and VerifyCA check against; the image sets the RDS bundle.</summary>
    [ConfigurationKeyName("DB_SSLROOTCERT")]
    public string? RootCertificate { get; set; }

    /// <summary>AWS_REGION: the region an IAM token is signed for. Required with <see cref="DatabaseAuth.Iam"/>.</summary>
    [ConfigurationKeyName("AWS_REGION")]
    public string? Region { get; set; }

    /// <summary>Everything Npgsql needs but the password, which <see cref="DatabasePassword"/> supplies per connection.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Name,
        Username = User,
        SslMode = SslMode,
        RootCertificate = string.IsNullOrWhiteSpace(RootCertificate) ? null : RootCertificate,
        // Fail fast when the database is unreachable: a request should get a 503 in seconds, well within the load
        // balancer's idle timeout, instead of hanging.
        Timeout = 5,
        CommandTimeout = 15,
        ApplicationName = "trilho-sample-backend",
    }.ConnectionString;
}

/// <summary>The rules <see cref="DatabaseOptions"/> must meet, each failure naming its variable.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        void Require(string? value, string variable)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{variable} is required");
            }
        }

        Require(options.Host, "DB_HOST");
        Require(options.Name, "DB_NAME");
        Require(options.User, "DB_USER");
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"DB_PORT must be a TCP port (1-65535), got '{options.Port}'");
        }

        // The binder parses enums from any defined name or any number: a number outside the names is still wrong.
        if (!Enum.IsDefined(options.SslMode))
        {
            failures.Add($"DB_SSLMODE must be one of {string.Join(", ", Enum.GetNames<SslMode>())}, got '{options.SslMode}'");
        }
        else if (options.SslMode is SslMode.VerifyFull or SslMode.VerifyCA
            && (string.IsNullOrWhiteSpace(options.RootCertificate) || !File.Exists(options.RootCertificate)))
        {
            // RDS certificates chain to Amazon RDS CAs, which no system trust store has: verifying needs the bundle.
            failures.Add($"DB_SSLMODE={options.SslMode} needs DB_SSLROOTCERT, the RDS CA bundle file (the image provides it), got '{options.RootCertificate}'");
        }

        switch (options.Auth)
        {
            case DatabaseAuth.Iam:
                Require(options.Region, "AWS_REGION");
                break;
            case DatabaseAuth.Password when string.IsNullOrEmpty(options.PasswordFile) && string.IsNullOrEmpty(options.Password):
                failures.Add("DB_AUTH=password needs DB_PASSWORD_FILE or DB_PASSWORD");
                break;
            case DatabaseAuth.Password:
                break;
            default:
                failures.Add($"DB_AUTH must be 'iam' or 'password', got '{options.Auth}'");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
