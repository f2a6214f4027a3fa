using System.Globalization;

namespace Trilho.Samples.Backend;

/// <summary>The credentials a token is signed with (the task role's temporary credentials on ECS).</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken);

/// <summary>
/// An RDS IAM authentication token: a SigV4 presigned <c>GET https://host:port/?Action=connect&amp;DBUser=user</c> for
/// service <c>rds-db</c>, valid 15 minutes, without the scheme, used as the password
/// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Connecting.html). The host must be
/// the instance endpoint, not a CNAME. A token only opens a connection; an open connection outlives it.
/// </summary>
public static class RdsAuthToken
{
    public const int LifetimeSeconds = 900;

    public static string Generate(string host, int port, string user, string region, AwsCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var scope = SigV4.Scope(now, region, "rds-db");
        var query = new List<KeyValuePair<string, string>>
        {
            new("Action", "connect"),
            new("DBUser", user),
            new("X-Amz-Algorithm", SigV4.Algorithm),
            new("X-Amz-Credential", $"{credentials.AccessKeyId}/{scope}"),
            new("X-Amz-Date", SigV4.AmzDate(now)),
            new("X-Amz-Expires", LifetimeSeconds.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        if (credentials.SessionToken is { Length: > 0 } token)
        {
            query.Add(new("X-Amz-Security-Token", token));
        }

        var hostHeader = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        var canonicalQuery = SigV4.CanonicalQuery(query);
        var canonicalRequest = SigV4.CanonicalRequest("GET", "/", canonicalQuery, [new("host", hostHeader)], SigV4.EmptyPayloadHash);
        var signature = SigV4.Signature(credentials.SecretAccessKey, now, region, "rds-db", SigV4.StringToSign(now, scope, canonicalRequest));
        return $"{hostHeader}/?{canonicalQuery}&X-Amz-Signature={signature}";
    }
}
