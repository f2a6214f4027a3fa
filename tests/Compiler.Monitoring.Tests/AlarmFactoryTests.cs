using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Trilho.Compiler.Extensibility;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>
/// Alarms are built as L1 resources from properties computed in C# (issue 15), but stay constructs in the tree: an
/// extension (docs/library.md) finds them by id and changes them, and the change is what gets deployed.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class AlarmFactoryTests
{
    private const string Stack = "minimal-dev-monitoring-app-api";

    [Fact]
    public void An_extension_finds_an_alarm_and_a_composite_by_id_and_its_changes_reach_the_template()
    {
        var extension = new RaiseLatencyThreshold();
        var frontEnd = FrontEnd.AnalyzeFile(SynthesisFixture.SamplePath("minimal"));

        var result = PlatformSynthesizer.Synthesize(frontEnd.Platform!, new SynthesisOptions { Document = frontEnd.Document, Extensions = [extension] });

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var template = JsonNode.Parse(result.Environments.Single().Plan.Stacks.Single(s => s.StackName == Stack).Template)!;
        var resources = template["Resources"]!.AsObject();
        Assert.Equal(2.5, (double)resources["ApiLatencyHigh"]!["Properties"]!["Threshold"]!);
        Assert.Equal(90, (double)resources["ApiCpuHigh"]!["Properties"]!["Threshold"]!);
        Assert.Equal("changed by an extension", (string)resources["ApiCustomersAffected"]!["Properties"]!["AlarmDescription"]!);
        Assert.Equal(
            resources.Count(r => (string)r.Value!["Type"]! == "AWS::CloudWatch::Alarm"),
            extension.AlarmsFound);
    }

    private sealed class RaiseLatencyThreshold : IPlatformExtension
    {
        public int AlarmsFound { get; private set; }

        public void Extend(ExtensionContext context)
        {
            var stack = context.Stack(Stack);
            var latency = Assert.IsType<CfnAlarm>(stack.Node.FindChild("ApiLatencyHigh").Node.DefaultChild);
            latency.Threshold = 2.5;
            var composite = Assert.IsType<CfnCompositeAlarm>(stack.Node.FindChild("ApiCustomersAffected").Node.DefaultChild);
            composite.AlarmDescription = "changed by an extension";
            AlarmsFound = stack.Node.FindAll().OfType<CfnAlarm>().Count();
        }
    }
}
