using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>Monitoring is part of every environment, wired by the deploy plan, and guards every api app's releases.</summary>
[Collection(SynthesisGroup.Name)]
public sealed class MonitoringRequirementTests(SynthesisFixture fixture)
{
    [Fact]
    public void Monitoring_stacks_receive_every_parameter_from_an_earlier_stack_output()
    {
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var prefix = $"{plan.Platform}-{plan.Environment}-";
            var names = plan.Stacks.Select(s => s.StackName).ToList();
            var edge = names.IndexOf(prefix + "monitoring-edge");
            var regional = names.IndexOf(prefix + "monitoring");
            Assert.True(edge >= 0 && regional > edge, $"{plan.Environment}: edge monitoring must deploy before the regional one");
            Assert.True(regional > names.IndexOf(prefix + "edge") && plan.Stacks.Take(regional).Count(s => s.StackName.StartsWith(prefix + "app-", StringComparison.Ordinal)) == plan.Stacks.Count(s => s.StackName.StartsWith(prefix + "app-", StringComparison.Ordinal)));
            Assert.Equal("us-east-1", plan.Stacks[edge].Region);

            // One alarm stack per api app, after the regional stack whose topic ARNs they read.
            var appMonitoring = names.Select((name, index) => (name, index)).Where(n => n.name.StartsWith(prefix + "monitoring-app-", StringComparison.Ordinal)).Select(n => n.index).ToList();
            var apiApps = plan.Stacks.Count(s => s.StackName.StartsWith(prefix + "app-", StringComparison.Ordinal) && s.Parameters.Any(p => p.Value.ImageTagOf is not null));
            Assert.Equal(apiApps, appMonitoring.Count);
            Assert.All(appMonitoring, index => Assert.True(index > regional, $"{names[index]} must deploy after {names[regional]}"));

            // One us-east-1 stack per app, after the edge stack whose topic ARNs they read; the regional stack that reads their health check ids comes after them (checked below with every parameter).
            var edgeAppMonitoring = names.Select((name, index) => (name, index)).Where(n => n.name.StartsWith(prefix + "monitoring-edge-app-", StringComparison.Ordinal)).Select(n => n.index).ToList();
            Assert.Equal(plan.Stacks.Count(s => s.StackName.StartsWith(prefix + "app-", StringComparison.Ordinal)), edgeAppMonitoring.Count);
            Assert.All(edgeAppMonitoring, index => Assert.True(index > edge && plan.Stacks[index].Region == "us-east-1", names[index]));

            foreach (var index in appMonitoring.Concat(edgeAppMonitoring).Prepend(regional).Prepend(edge))
            {
                var stack = plan.Stacks[index];
                var declared = Template.Of(stack).ParameterNames.Order(StringComparer.Ordinal).ToList();
                Assert.Equal(declared, stack.Parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
                foreach (var (name, value) in stack.Parameters)
                {
                    Assert.True(value.FromStack is not null, $"{stack.StackName}.{name} is not an output of another stack");
                    var producer = plan.Stacks.Take(index).SingleOrDefault(s => s.StackName == value.FromStack);
                    Assert.True(producer is not null, $"{stack.StackName}.{name} reads {value.FromStack}, which does not deploy before it");
                    Assert.Equal(producer.Region, value.FromRegion);
                    Assert.Contains(value.Output!, Template.Of(producer).OutputNames);
                }
            }
        }
    }

    [Fact]
    public void Every_apps_release_alarms_roll_back_its_deployment()
    {
        var services = 0;
        foreach (var stack in fixture.Cases.Values.SelectMany(r => r.Environments).SelectMany(e => e.Plan.Stacks))
        {
            var template = Template.Of(stack);
            foreach (var (serviceId, service) in template.Resources("AWS::ECS::Service"))
            {
                services++;
                var alarms = service["Properties"]!["DeploymentConfiguration"]!["Alarms"]!;
                Assert.True(alarms["Enable"]!.GetValue<bool>(), $"{stack.StackName}: deployment alarms are off");
                Assert.True(alarms["Rollback"]!.GetValue<bool>(), $"{stack.StackName}: deployment alarms do not roll back");
                var names = alarms["AlarmNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
                Assert.Equal(2, names.Count);

                // The target group lives in the shared stack; the app stack receives its full name as a parameter.
                Assert.Contains("TargetGroupFullName", template.ParameterNames);
                var dependsOn = service["DependsOn"]?.AsArray().Select(d => d!.GetValue<string>()).ToList() ?? [];
                foreach (var name in names)
                {
                    // The alarm exists in the same stack, before the service, and watches this app's target group.
                    var (alarmId, alarm) = Assert.Single(template.Resources("AWS::CloudWatch::Alarm"), a => a.Resource["Properties"]!["AlarmName"]?.GetValue<string>() == name);
                    Assert.Contains(alarmId, dependsOn);
                    Assert.Contains("{\"Ref\":\"TargetGroupFullName\"}", Template.Text(alarm["Properties"]), StringComparison.Ordinal);
                }
            }
        }

        Assert.True(services >= 4, "no api app in the golden cases");
    }
}
