using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class AlertRoutingTests(SynthesisFixture fixture)
{
    [Fact]
    public void Every_team_gets_its_own_alarms_and_only_those_plus_the_customers_affected_composites_it_watches()
    {
        foreach (var synthesis in fixture.All)
        {
            var environment = synthesis.Environment;
            var watchers = environment.Teams.Where(t => t.WatchesAll).Select(t => t.Id).ToHashSet();
            foreach (var template in synthesis.Templates)
            {
                foreach (var (id, alarm) in template.Alarms)
                {
                    var received = Template.ActionTopics(alarm).Select(t => synthesis.TeamOfAction(template, t)).ToList();
                    Assert.Equal(received.Distinct().Count(), received.Count);
                    Assert.Equal(Expected(environment, id, watchers).Order(), received.Order());
                }
            }
        }
    }

    [Fact]
    public void Every_app_alerts_its_owner_in_each_region_where_it_has_signals_and_watchers_see_every_app()
    {
        var synthesis = fixture.DesafioDev;
        var environment = synthesis.Environment;
        foreach (var app in environment.Apps)
        {
            var pascal = MonitoringNames.Pascal(app.Id);
            Assert.Contains(app.Team, Teams(synthesis, synthesis.EdgeApp(app.Id), pascal + "ExternalCheckFailed"));
            Assert.Equal(["noc"], Teams(synthesis, synthesis.EdgeApp(app.Id), pascal + "CustomersAffected"));
            if (app is ResolvedApiApp)
            {
                Assert.Equal([app.Team], Teams(synthesis, synthesis.App(app.Id), pascal + "ErrorBudgetFastBurn"));
                Assert.Equal(["noc"], Teams(synthesis, synthesis.App(app.Id), pascal + "CustomersAffected"));
            }
        }

        // database.access is [backend], so the database alarms go to the backend team.
        Assert.Equal(["backend"], Teams(synthesis, synthesis.Regional, "DatabaseStorageLow"));
    }

    [Fact]
    public void Every_receiving_team_has_an_encrypted_topic_with_its_email_subscribed()
    {
        var synthesis = fixture.DesafioDev;
        foreach (var (template, teams) in new[] { (synthesis.Regional, new[] { "backend", "noc" }), (synthesis.Edge, new[] { "backend", "frontend", "noc" }) })
        {
            var topics = template.OfType("AWS::SNS::Topic").ToList();
            Assert.Equal(teams, topics.Select(t => template.TeamOfTopic(t.Key, synthesis.Environment.StackPrefix)).Order());
            foreach (var (id, topic) in topics)
            {
                Assert.Equal("AlarmTopicsKey", (string)topic["Properties"]!["KmsMasterKeyId"]!["Fn::GetAtt"]![0]!);
                var team = synthesis.Environment.Teams.Single(t => t.Id == template.TeamOfTopic(id, synthesis.Environment.StackPrefix));
                Assert.Contains(template.OfType("AWS::SNS::Subscription"), s =>
                    (string)s.Value["Properties"]!["Protocol"]! == "email"
                    && (string)s.Value["Properties"]!["Endpoint"]! == team.Email
                    && (string)s.Value["Properties"]!["TopicArn"]!["Ref"]! == id);
                Assert.Contains(template.OfType("AWS::SNS::TopicPolicy"), p =>
                    (string)p.Value["Properties"]!["Topics"]![0]!["Ref"]! == id
                    && p.Value["Properties"]!["PolicyDocument"]!.ToJsonString().Contains("\"aws:SecureTransport\":\"false\"", StringComparison.Ordinal));
            }

            var policy = template.Properties("AlarmTopicsKey")["KeyPolicy"]!.ToJsonString();
            Assert.Contains("cloudwatch.amazonaws.com", policy, StringComparison.Ordinal);
            Assert.Contains("kms:GenerateDataKey*", policy, StringComparison.Ordinal);
            Assert.True((bool)template.Properties("AlarmTopicsKey")["EnableKeyRotation"]!);
        }
    }

    [Fact]
    public void Only_teams_that_receive_alarms_in_a_region_get_a_topic_there()
    {
        // frontend owns only a static app: nothing of it lives in the regional stack.
        var regional = fixture.DesafioDev.Regional;
        Assert.DoesNotContain(regional.OfType("AWS::SNS::Topic"), t => regional.TeamOfTopic(t.Key, fixture.DesafioDev.Environment.StackPrefix) == "frontend");
    }

    [Fact]
    public void App_alarm_stacks_notify_the_topics_of_their_region_and_create_no_topic_or_key_of_their_own()
    {
        foreach (var synthesis in fixture.All)
        {
            Assert.Equal(synthesis.Environment.Apps.OfType<ResolvedApiApp>().Count(), synthesis.Apps.Count());
            Assert.Equal(synthesis.Environment.Apps.Count, synthesis.EdgeApps.Count());
            foreach (var template in synthesis.Apps.Concat(synthesis.EdgeApps))
            {
                Assert.Empty(template.OfType("AWS::SNS::Topic"));
                Assert.Empty(template.OfType("AWS::KMS::Key"));
                Assert.Contains(template.Alarms, a => Template.ActionTopics(a.Value).Count > 0);
            }
        }
    }

    private static List<string> Teams(Synthesis synthesis, Template template, string alarmId) =>
        Template.ActionTopics(template.Properties(alarmId)).Select(t => synthesis.TeamOfAction(template, t)).Order().ToList();

    // The routing rule, written independently of the emitter: window alarms notify no one, composites
    // "customers affected" go to watchers, database alarms to the teams of database.access, the rest to the owner.
    private static IEnumerable<string> Expected(ResolvedEnvironment environment, string alarmId, HashSet<string> watchers)
    {
        if (alarmId.EndsWith("Long", StringComparison.Ordinal) || alarmId.EndsWith("Short", StringComparison.Ordinal))
        {
            return [];
        }

        if (alarmId.EndsWith("CustomersAffected", StringComparison.Ordinal))
        {
            return watchers;
        }

        if (alarmId.StartsWith("Database", StringComparison.Ordinal))
        {
            var access = environment.Database!.Access;
            return environment.Apps.Where(a => access.Contains(a.Id)).Select(a => a.Team).Distinct();
        }

        return [environment.Apps.Single(a => alarmId.StartsWith(MonitoringNames.Pascal(a.Id), StringComparison.Ordinal)).Team];
    }
}
