using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// One encrypted SNS topic per team in a stack, with the team's e-mail subscribed. Encrypted with a customer
/// managed key because CloudWatch cannot publish to topics under the AWS managed key alias/aws/sns (its key
/// policy cannot grant cloudwatch.amazonaws.com); see docs/monitoring.md. The app monitoring stacks import the
/// regional topics by ARN (<see cref="Import"/>) instead of creating their own: one topic per team and region.
/// </summary>
internal sealed class TeamTopics
{
    private const string CloudWatch = "cloudwatch.amazonaws.com";

    private readonly Dictionary<string, ITopic> topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> arns = new(StringComparer.Ordinal);

    /// <summary>Creates the key and topics for <paramref name="teams"/> in <paramref name="scope"/>.</summary>
    public TeamTopics(Construct scope, ResolvedEnvironment environment, IReadOnlyList<ResolvedTeam> teams, bool edge)
    {
        if (teams.Count == 0)
        {
            return;
        }

        var key = LogicalIds.Pin(new Key(scope, "AlarmTopicsKey", new KeyProps
        {
            Description = $"Encrypts the alarm topics of {environment.StackPrefix}.",
            EnableKeyRotation = true,
        }));
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarmsToPublish",
            Principals = [new ServicePrincipal(CloudWatch)],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = FromThisPlatformsAlarms(scope, environment),
        }));
        key.AddToResourcePolicy(KeyPolicies.GrantsOnlyForAwsServices());

        foreach (var team in teams)
        {
            var topic = LogicalIds.Pin(new Topic(scope, MonitoringNames.Pascal(team.Id) + "AlarmTopic", new TopicProps
            {
                TopicName = MonitoringNames.Topic(environment, team.Id, edge),
                DisplayName = team.Name,
                MasterKey = key,
            }));

            // Written out rather than TopicProps.EnforceSSL, which CDK 2.160 accepts but does not emit.
            topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "DenyInsecureTransport",
                Effect = Effect.DENY,
                Principals = [new AnyPrincipal()],
                Actions = ["sns:Publish"],
                Resources = [topic.TopicArn],
                Conditions = new Dictionary<string, object>
                {
                    ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                },
            }));

            // A topic policy replaces SNS's default one, so without this no alarm could publish. Alarms publish only to
            // topics of their own region, and every alarm Trilho names starts with the environment's prefix.
            topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "AllowCloudWatchAlarmsToPublish",
                Principals = [new ServicePrincipal(CloudWatch)],
                Actions = ["sns:Publish"],
                Resources = [topic.TopicArn],
                Conditions = FromThisPlatformsAlarms(scope, environment),
            }));
            if (!string.IsNullOrEmpty(team.Email))
            {
                topic.AddSubscription(new EmailSubscription(team.Email));
            }

            topics[team.Id] = topic;
        }
    }

    private TeamTopics(Dictionary<string, ITopic> imported) => topics = imported;

    /// <summary>
    /// Confused-deputy guard on CloudWatch's grants: only alarms of this account, in the topic's region, named after
    /// this environment (<c>&lt;prefix&gt;-*</c>), may use the topic and its key.
    /// </summary>
    private static Dictionary<string, object> FromThisPlatformsAlarms(Construct scope, ResolvedEnvironment environment)
    {
        var stack = Stack.Of(scope);
        return new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = environment.Account },
            ["ArnLike"] = new Dictionary<string, object>
            {
                ["aws:SourceArn"] = $"arn:{stack.Partition}:cloudwatch:{stack.Region}:{environment.Account}:alarm:{environment.StackPrefix}-*",
            },
        };
    }

    /// <summary>Topics of <paramref name="teams"/> created in another stack, each ARN imported from that stack's output <see cref="MonitoringNames.TopicArn"/> in <paramref name="arns"/> (by team id).</summary>
    public static TeamTopics Import(StackNode node, IReadOnlyDictionary<string, StackOutput> arns, IEnumerable<ResolvedTeam> teams) => new(
        teams.DistinctBy(t => t.Id).ToDictionary(
            t => t.Id,
            t => Topic.FromTopicArn(
                node.Stack,
                MonitoringNames.Pascal(t.Id) + "AlarmTopicRef",
                node.Import(MonitoringNames.TopicArn(t.Id), arns[t.Id], minLength: 1)),
            StringComparer.Ordinal));

    /// <summary>Exports each topic's ARN as output <see cref="MonitoringNames.TopicArn"/> of <paramref name="node"/>, by team id.</summary>
    public IReadOnlyDictionary<string, StackOutput> Export(StackNode node) =>
        topics.ToDictionary(t => t.Key, t => node.Export(MonitoringNames.TopicArn(t.Key), t.Value.TopicArn, $"Alarm topic of team {t.Key}"), StringComparer.Ordinal);

    /// <summary>The topic ARNs <paramref name="node"/>, replayed from the cache, exports for <paramref name="teams"/>, by team id.</summary>
    public static IReadOnlyDictionary<string, StackOutput> Exported(StackNode node, IReadOnlyList<ResolvedTeam> teams) =>
        teams.ToDictionary(t => t.Id, t => node.Output(MonitoringNames.TopicArn(t.Id)), StringComparer.Ordinal);

    /// <summary>Makes <paramref name="alarm"/> notify each of <paramref name="teams"/> once.</summary>
    public void Notify(AlarmResource alarm, IEnumerable<ResolvedTeam> teams) =>
        alarm.AddAlarmActions(teams.DistinctBy(t => t.Id).Select(TopicArn));

    // Read once per team: each property read is a jsii round trip.
    private string TopicArn(ResolvedTeam team)
    {
        if (!arns.TryGetValue(team.Id, out var arn))
        {
            arns[team.Id] = arn = topics[team.Id].TopicArn;
        }

        return arn;
    }
}
