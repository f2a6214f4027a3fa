namespace Trilho.Compiler.Emit;

/// <summary>
/// The environment variables Trilho sets in every api container (docs/app-contract.md). Free of CDK types, so that
/// validation (which must not load CDK) and <see cref="ApiService"/> read the same names.
/// </summary>
public static class ContainerVariables
{
    /// <summary>The port the app listens on.</summary>
    public const string Port = "PORT";

    /// <summary>The app's path under the public name.</summary>
    public const string BasePath = "APP_BASE_PATH";

    /// <summary>The app's public URL, when the environment has a domain.</summary>
    public const string PublicUrl = "APP_PUBLIC_URL";

    /// <summary>The writable temporary folder (the root file system is read-only).</summary>
    public const string TempDir = "TMPDIR";

    /// <summary>Database endpoint.</summary>
    public const string DbHost = "DB_HOST";

    /// <summary>Database port.</summary>
    public const string DbPort = "DB_PORT";

    /// <summary>Database name.</summary>
    public const string DbName = "DB_NAME";

    /// <summary>TLS mode of database connections.</summary>
    public const string DbSslMode = "DB_SSLMODE";

    /// <summary>The app's own database role.</summary>
    public const string DbUser = "DB_USER";

    /// <summary>How the app authenticates to the database (<c>iam</c>).</summary>
    public const string DbAuth = "DB_AUTH";

    /// <summary>Region the IAM database token is signed for.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>Not set by Trilho but read by apps in password mode (local development, docs/decisions/0009-database-identity.md): a deployed value would switch the app away from IAM authentication.</summary>
    public const string DbPassword = "DB_PASSWORD";

    /// <summary>Every name above: validation refuses them in an app's <c>env</c> and <c>secrets</c> (TRL2014).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Port, BasePath, PublicUrl, TempDir, DbHost, DbPort, DbName, DbSslMode, DbUser, DbPassword, DbAuth, AwsRegion];
}
