using System.Text.Json.Nodes;
using Amazon.CDK;
using Trilho.Compiler.Emit.Delivery;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>Synthesizes delivery stacks once per input and environment: each App costs Node.js time.</summary>
internal static class DeliveryTemplates
{
    private static readonly Dictionary<(string Yaml, string Environment), (JsonObject Template, DeliveryStackResult Result)> Cache = [];
    private static readonly Lock Gate = new();

    public static (JsonObject Template, DeliveryStackResult Result) Synthesize(string yaml, string environmentName)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue((yaml, environmentName), out var entry))
            {
                entry = SynthesizeFresh(yaml, environmentName);
                Cache[(yaml, environmentName)] = entry;
            }

            return entry;
        }
    }

    /// <summary>A new App every call; for determinism checks.</summary>
    public static (JsonObject Template, DeliveryStackResult Result) SynthesizeFresh(string yaml, string environmentName)
    {
        var (platform, delivery) = Platforms.Load(yaml);
        var environment = platform.Environments.Single(e => e.Name == environmentName);
        var app = new App();
        var name = DeliveryNames.Stack(environment);
        var stack = new Stack(app, name, new StackProps
        {
            StackName = name,
            Env = new Amazon.CDK.Environment { Region = environment.Region },
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            AnalyticsReporting = false,
        });
        var result = DeliveryStack.Add(stack, platform, environment, delivery);
        var json = File.ReadAllText(app.Synth().GetStackByName(name).TemplateFullPath);
        return (JsonNode.Parse(json)!.AsObject(), result);
    }
}
