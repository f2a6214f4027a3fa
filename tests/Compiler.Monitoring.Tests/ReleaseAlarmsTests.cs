using Amazon.CDK;
using Trilho.Compiler.Emit.Monitoring;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Monitoring.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class ReleaseAlarmsTests(SynthesisFixture fixture)
{
    [Fact]
    public void Release_alarms_live_in_the_app_stack_and_their_names_are_what_the_service_needs()
    {
        var environment = fixture.DesafioDev.Environment;
        var backend = environment.Apps.OfType<ResolvedApiApp>().Single();
        IReadOnlyList<string> names = [];
        var synthesis = fixture.Synthesize(environment, app =>
        {
            var stack = new Stack(app, "desafio-dev-backend", new StackProps
            {
                Env = new Amazon.CDK.Environment { Account = environment.Account, Region = environment.Region },
                Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            });
            var targetGroup = new CfnParameter(stack, "TargetGroupFullName").ValueAsString;
            var loadBalancer = new CfnParameter(stack, "LoadBalancerFullName").ValueAsString;
            var scope = new Constructs.Construct(stack, "BackendReleaseAlarms");
            names = ReleaseAlarms.Create(scope, environment, backend, targetGroup, loadBalancer);

            // Stands in for the FargateService: it must be created after the alarms it names.
            new CfnWaitConditionHandle(stack, "Service").Node.AddDependency(scope);
        });

        Assert.Equal(["desafio-dev-backend-release-errors", "desafio-dev-backend-release-latency"], names);
        var template = Template.Load(synthesis.OutDir, "desafio-dev-backend");
        var errors = template.Properties("BackendReleaseErrors");
        Assert.Equal(names[0], (string)errors["AlarmName"]!);
        Assert.Equal(1.44, (double)errors["Threshold"]!);
        Assert.Contains("\"Ref\":\"TargetGroupFullName\"", errors["Metrics"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(errors["AlarmActions"]);
        var latency = template.Properties("BackendReleaseLatency");
        Assert.Equal(names[1], (string)latency["AlarmName"]!);
        Assert.Equal(0.4, (double)latency["Threshold"]!);
        Assert.Equal("p95", (string)latency["ExtendedStatistic"]!);
        Assert.Equal(["BackendReleaseErrors", "BackendReleaseLatency"], template.Resource("Service")["DependsOn"]!.AsArray().Select(d => (string)d!).Order());
    }
}
