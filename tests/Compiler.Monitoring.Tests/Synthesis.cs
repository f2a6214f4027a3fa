using System.Text.Json.Nodes;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>One synthesized environment: its monitoring stacks and their templates.</summary>
public sealed record Synthesis(ResolvedEnvironment Environment, MonitoringStacks Stacks, string OutDir)
{
    public Template Regional => Template.Load(OutDir, Stacks.Regional.Stack.StackName);

    public Template Edge => Template.Load(OutDir, Stacks.Edge.Stack.StackName);

    public IEnumerable<Template> Both => [Regional, Edge];

    public ResolvedTeam Owner(ResolvedApp app) => Environment.Teams.Single(t => t.Id == app.Team);

    public static JsonObject Parse(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
