using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Costs;

/// <summary>
/// The customer managed KMS keys of one environment, which KMS bills per key-month whatever their use
/// (https://aws.amazon.com/kms/pricing/). <see cref="FromTemplates"/> counts them in the emitted templates;
/// <see cref="Expected"/> computes the same numbers from the environment without synthesizing (for <c>trilho cost</c>),
/// and a test keeps both equal on every golden case.
/// </summary>
/// <param name="Keys">Customer managed keys (<c>AWS::KMS::Key</c>).</param>
/// <param name="RotatedKeys">
/// Keys with automatic rotation: each yearly rotation adds a key version billed like a key, up to two
/// (a rotated key bills 1 key-month in year 1, 2 in year 2, 3 from year 3).
/// </param>
public sealed record KeyInventory(int Keys, int RotatedKeys)
{
    /// <summary>Counts the keys in CloudFormation templates (JSON text).</summary>
    public static KeyInventory FromTemplates(IEnumerable<string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var keys = templates
            .SelectMany(t => JsonNode.Parse(t)!["Resources"]?.AsObject() ?? [])
            .Select(r => r.Value!.AsObject())
            .Where(r => (string?)r["Type"] == "AWS::KMS::Key")
            .ToList();
        return new KeyInventory(keys.Count, keys.Count(k => k["Properties"]?["EnableKeyRotation"] is JsonValue rotation && rotation.GetValue<bool>()));
    }

    /// <summary>What the emitter creates for <paramref name="environment"/>, all with yearly rotation.</summary>
    public static KeyInventory Expected(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // The shared stack, when there is one, encrypts its log groups (LogsKey) and the database (Database).
        var shared = environment.Apps.OfType<ResolvedApiApp>().Any() || environment.Database is not null ? 1 : 0;
        var database = environment.Database is not null ? 1 : 0;

        // Each monitoring stack with alarm topics encrypts them with a key (TeamTopics); the edge-logs stack encrypts
        // the distribution's access logs (EdgeLogs), and every environment has a distribution.
        var edgeTopics = AlarmRouting.EdgeRecipients(environment).Count > 0 ? 1 : 0;
        var regionalTopics = AlarmRouting.RegionalRecipients(environment).Count > 0 ? 1 : 0;
        const int edgeLogs = 1;

        var keys = shared + database + edgeTopics + regionalTopics + edgeLogs;
        return new KeyInventory(keys, keys);
    }
}
