using System.Text.Json.Nodes;
using Amazon.CDK;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Emit.Delivery;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>Synthesizes delivery stacks once per input and environment: each App costs Node.js time.</summary>
internal static class DeliveryTemplates
{
    private static readonly Dictionary<(string Yaml, string Environment), (JsonObject Template, DeliveryStackResult Result, StackNode Node)> Cache = [];
    private static readonly Lock Gate = new();

    public static (JsonObject Template, DeliveryStackResult Result) Synthesize(string yaml, string environmentName)
    {
        var (template, result, _) = Cached(yaml, environmentName);
        return (template, result);
    }

    /// <summary>The delivery stack's node in its stack graph: its parameters and what they import.</summary>
    public static StackNode Node(string yaml, string environmentName) => Cached(yaml, environmentName).Node;

    private static (JsonObject Template, DeliveryStackResult Result, StackNode Node) Cached(string yaml, string environmentName)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue((yaml, environmentName), out var entry))
            {
                entry = Fresh(yaml, environmentName);
                Cache[(yaml, environmentName)] = entry;
            }

            return entry;
        }
    }

    /// <summary>A new App every call; for determinism checks.</summary>
    public static (JsonObject Template, DeliveryStackResult Result) SynthesizeFresh(string yaml, string environmentName)
    {
        var (template, result, _) = Fresh(yaml, environmentName);
        return (template, result);
    }

    // The delivery stack in a graph with stand-ins for the stacks it imports from, named and exporting as the real ones.
    private static (JsonObject Template, DeliveryStackResult Result, StackNode Node) Fresh(string yaml, string environmentName)
    {
        var (platform, delivery) = Platforms.Load(yaml);
        var environment = platform.Environments.Single(e => e.Name == environmentName);
        var app = new App();
        var graph = new StackGraph(app, environment);
        var edge = graph.Add(EmitNames.EdgeStack(environment), environment.Region, "stand-in edge stack");
        var distribution = edge.Export("DistributionId", "E2EXAMPLE", "CloudFront distribution");
        var statics = environment.Apps.OfType<ResolvedStaticApp>()
            .Select(a => new DeliveredStaticApp(a, graph.Add(EmitNames.AppStack(environment, a.Id), environment.Region, "stand-in app stack").Export("BucketName", a.Id + "-bucket", "Bucket")))
            .ToList();
        var node = graph.Add(DeliveryNames.Stack(environment), environment.Region, "delivery");
        var result = DeliveryStack.Add(node, platform, environment, delivery, new DeliveryInputs(distribution, statics));
        var json = File.ReadAllText(app.Synth().GetStackByName(node.StackName).TemplateFullPath);
        return (JsonNode.Parse(json)!.AsObject(), result, node);
    }
}
