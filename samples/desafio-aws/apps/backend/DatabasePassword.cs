using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>
/// Where the password of each NEW physical connection comes from. Npgsql asks for it every time it opens one (pool
/// growth, recycling, after a failover), so a rotated credential is picked up without restarting the task.
/// </summary>
public abstract class DatabasePassword
{
    public abstract ValueTask<string> GetAsync(CancellationToken ct);

    /// <summary>The source <paramref name="options"/> ask for (validated: iam has a region, password has a file or a value).</summary>
    public static DatabasePassword From(DatabaseOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Auth switch
        {
            // Trilho on AWS: the task role signs a 15-minute token for every new connection; no password to rotate.
            DatabaseAuth.Iam => new IamTokenPassword(options.Host!, options.Port, options.User!, options.Region!, clock),
            _ when !string.IsNullOrEmpty(options.PasswordFile) => new FilePassword(options.PasswordFile),
            _ => new FixedPassword(options.Password!),
        };
    }

    /// <summary>Plugs this source into <paramref name="builder"/>.</summary>
    public void ApplyTo(NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UsePasswordProvider(
            _ => GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult(),
            (_, ct) => GetAsync(ct));
    }
}

/// <summary>DB_AUTH=iam (what Trilho sets on AWS): a fresh IAM token per connection, signed with the task role.</summary>
public sealed class IamTokenPassword(string host, int port, string user, string region, TimeProvider clock) : DatabasePassword
{
    // The SDK's default chain: on ECS the task role through the container credentials endpoint, refreshed before expiry.
    private readonly Lazy<Task<AWSCredentials>> _credentials = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null));

    public override async ValueTask<string> GetAsync(CancellationToken ct)
    {
        var credentials = await (await _credentials.Value).GetCredentialsAsync();
        return RdsAuthToken.Generate(host, port, user, region,
            new AwsCredentials(credentials.AccessKey, credentials.SecretKey, credentials.UseToken ? credentials.Token : null),
            clock.GetUtcNow());
    }
}

/// <summary>DB_PASSWORD_FILE (local runs, tests): the file is read again for every connection, so a changed password applies at once.</summary>
public sealed class FilePassword(string path) : DatabasePassword
{
    public override async ValueTask<string> GetAsync(CancellationToken ct) => (await File.ReadAllTextAsync(path, ct)).TrimEnd('\r', '\n');
}

/// <summary>DB_PASSWORD (local runs only): a fixed value.</summary>
public sealed class FixedPassword(string value) : DatabasePassword
{
    public override ValueTask<string> GetAsync(CancellationToken ct) => ValueTask.FromResult(value);
}
