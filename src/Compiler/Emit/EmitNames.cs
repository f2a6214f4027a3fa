using System.Globalization;
using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>Names and construct ids derived from platform.yaml. They end up in logical ids and physical names, so they are a public contract: change them and AWS replaces resources.</summary>
public static class EmitNames
{
    /// <summary>PascalCase of a DNS-safe id, e.g. <c>my-api</c> becomes <c>MyApi</c>; used as construct id and logical id part.</summary>
    public static string Pascal(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var builder = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>Stack name of the us-east-1 stack holding the CloudFront certificate and web ACL.</summary>
    public static string GlobalStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-global";

    /// <summary>Stack name of the environment's shared stack: network, database, load balancer, image repositories.</summary>
    public static string SharedStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-shared";

    /// <summary>Stack name of one app.</summary>
    public static string AppStack(ResolvedEnvironment environment, string appId) => $"{Prefix(environment)}-app-{appId}";

    /// <summary>Stack name of the CloudFront distribution and public DNS record.</summary>
    public static string EdgeStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-edge";

    /// <summary>Stack name of the us-east-1 stack of the edge access logs and their per-path metric filters (ADR 0011).</summary>
    public static string EdgeLogsStack(ResolvedEnvironment environment) => $"{Prefix(environment)}-edge-logs";

    /// <summary>Name of the ECS cluster; literal so app stacks need no parameter for it.</summary>
    public static string Cluster(ResolvedEnvironment environment) => Prefix(environment);

    /// <summary>Family of the database role setup task and name of its log group, e.g. <c>desafio-dev-database-roles</c>.</summary>
    public static string DatabaseRolesTask(ResolvedEnvironment environment) => $"{Prefix(environment)}-database-roles";

    /// <summary>Name of an api app's image repository, e.g. <c>desafio-dev/backend</c>.</summary>
    public static string Repository(ResolvedEnvironment environment, string appId) => $"{Prefix(environment)}/{appId}";

    /// <summary>Identifier of the RDS instance; literal so its log groups can be created before it.</summary>
    public static string DatabaseInstance(ResolvedEnvironment environment, ResolvedDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return $"{Prefix(environment)}-{database.Hostname}";
    }

    /// <summary>
    /// PostgreSQL role (and schema) of an api app in <c>database.access</c>: the app id itself, so the IAM resource
    /// <c>dbuser:&lt;DbiResourceId&gt;/&lt;role&gt;</c> and the app's DB_USER read the same.
    /// </summary>
    public static string DatabaseRole(string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        return appId;
    }

    /// <summary>Fully qualified private name of the database, e.g. <c>db.internal.example.com</c>, for people and tools inside the VPC (apps connect to the endpoint: see ADR 0009).</summary>
    public static string DatabaseHost(ResolvedEnvironment environment, ResolvedDatabase database)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(database);
        return $"{database.Hostname}.{environment.PrivateZoneName}";
    }

    /// <summary>Public name of the apps, e.g. <c>app.example.com</c>, or null without a domain.</summary>
    public static string? PublicHost(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Domain is null || environment.Ingress.Host is null ? null : $"{environment.Ingress.Host}.{environment.Domain}";
    }

    /// <summary>Deterministic listener rule priority for an app (1-49999), stable when other apps come and go. Collisions are resolved by probing in app-id order.</summary>
    public static IReadOnlyDictionary<string, int> ListenerPriorities(IEnumerable<string> appIds)
    {
        ArgumentNullException.ThrowIfNull(appIds);
        var taken = new HashSet<int>();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in appIds.Order(StringComparer.Ordinal))
        {
            // FNV-1a: string.GetHashCode is randomised per process, this is not.
            var hash = 2166136261u;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 16777619u;
            }

            var priority = (int)(hash % 49999u) + 1;
            while (!taken.Add(priority))
            {
                priority = priority % 49999 + 1;
            }

            result[id] = priority;
        }

        return result;
    }

    /// <summary>A number as CloudFormation expects it in string-typed properties.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Prefix(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.StackPrefix;
    }
}
