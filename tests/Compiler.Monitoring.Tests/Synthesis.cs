using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>One synthesized environment: its monitoring stacks and their templates.</summary>
public sealed record Synthesis(ResolvedEnvironment Environment, MonitoringStacks Stacks, string OutDir)
{
    public Template Regional => Template.Load(OutDir, Stacks.Regional.Stack.StackName);

    public Template Edge => Template.Load(OutDir, Stacks.Edge.Stack.StackName);

    /// <summary>The alarm stack of api app <paramref name="appId"/>.</summary>
    public Template App(string appId) => Template.Load(OutDir, MonitoringNames.AppStack(Environment, appId));

    public IEnumerable<Template> Apps => Stacks.Apps.Select(s => Template.Load(OutDir, s.Stack.StackName));

    /// <summary>The us-east-1 stack of app <paramref name="appId"/>.</summary>
    public Template EdgeApp(string appId) => Template.Load(OutDir, MonitoringNames.EdgeAppStack(Environment, appId));

    public IEnumerable<Template> EdgeApps => Stacks.EdgeApps.Select(s => Template.Load(OutDir, s.Stack.StackName));

    public IEnumerable<Template> Templates => [Regional, Edge, .. Apps, .. EdgeApps];

    /// <summary>
    /// Team of a topic an alarm in <paramref name="template"/> notifies: a topic of that stack, or in an app stack a
    /// topic ARN parameter, followed to the output of the same name of its region's shared stack and the topic behind it.
    /// </summary>
    public string TeamOfAction(Template template, string topicRef)
    {
        if (template.Resources.ContainsKey(topicRef))
        {
            return template.TeamOfTopic(topicRef, Environment.StackPrefix);
        }

        Assert.True(template.Parameters.ContainsKey(topicRef), $"{template.Name}: {topicRef} is neither a topic nor a parameter");
        var shared = Stacks.EdgeApps.Any(s => s.Stack.StackName == template.Name) ? Edge : Regional;
        var output = shared.Json["Outputs"]?[topicRef] ?? throw new Xunit.Sdk.XunitException($"{shared.Name} has no output {topicRef}");
        return shared.TeamOfTopic((string)output["Value"]!["Ref"]!, Environment.StackPrefix);
    }

    public ResolvedTeam Owner(ResolvedApp app) => Environment.Teams.Single(t => t.Id == app.Team);

    public static JsonObject Parse(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
