using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// The environment reacts fast (issue 9, item 3): capacity within minutes of a spike, failing tasks detected and
/// drained in seconds, static files served from the edge cache. docs/performance.md does the arithmetic.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed partial class FastReactionRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Backend_scales_out_every_minute_and_in_only_after_five_quiet_minutes_on_the_targets_of_platform_yaml(string environment)
    {
        var policies = fixture.Stack("desafio-aws", environment, "app-backend").Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => p.Resource["Properties"]!)
            .ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p =>
        {
            Assert.Equal("TargetTrackingScaling", p["PolicyType"]!.GetValue<string>());
            var configuration = p["TargetTrackingScalingPolicyConfiguration"]!;
            Assert.Equal(60, configuration["ScaleOutCooldown"]!.GetValue<int>());
            Assert.Equal(300, configuration["ScaleInCooldown"]!.GetValue<int>());
            Assert.False(configuration["DisableScaleIn"]!.GetValue<bool>());
        });

        // scale: { cpuPercent: 60, requestsPerTask: 500 } in samples/desafio-aws/platform.yaml.
        var targets = policies.Select(p => p["TargetTrackingScalingPolicyConfiguration"]!)
            .ToDictionary(c => c["PredefinedMetricSpecification"]!["PredefinedMetricType"]!.GetValue<string>(), c => c["TargetValue"]!.GetValue<int>());
        Assert.Equal(60, targets["ECSServiceAverageCPUUtilization"]);
        Assert.Equal(500, targets["ALBRequestCountPerTarget"]);
    }

    [Fact]
    public void A_failing_backend_task_leaves_rotation_within_30_seconds_and_a_new_one_joins_within_30()
    {
        var targets = fixture.Stack("desafio-aws", "prod", "shared").Properties("AWS::ElasticLoadBalancingV2::TargetGroup");
        var interval = targets["HealthCheckIntervalSeconds"]!.GetValue<int>();
        var timeout = targets["HealthCheckTimeoutSeconds"]!.GetValue<int>();
        Assert.True(timeout < interval, "a check must time out before the next one starts");
        Assert.InRange(interval * targets["UnhealthyThresholdCount"]!.GetValue<int>(), 10, 30);
        Assert.InRange(interval * targets["HealthyThresholdCount"]!.GetValue<int>(), 10, 30);
    }

    [Fact]
    public void A_stopping_backend_task_drains_for_30_seconds_then_has_30_seconds_for_the_apps_25_second_shutdown()
    {
        var app = fixture.Stack("desafio-aws", "prod", "app-backend");
        var attributes = fixture.Stack("desafio-aws", "prod", "shared").Properties("AWS::ElasticLoadBalancingV2::TargetGroup")["TargetGroupAttributes"]!.AsArray()
            .ToDictionary(a => a!["Key"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
        Assert.Equal("30", attributes["deregistration_delay.timeout_seconds"]);

        var container = Assert.Single(app.Properties("AWS::ECS::TaskDefinition")["ContainerDefinitions"]!.AsArray())!;
        var stopTimeout = container["StopTimeout"]!.GetValue<int>();
        Assert.Equal(30, stopTimeout);

        // The sample backend's own shutdown budget must end before ECS kills it.
        var program = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "desafio-aws", "apps", "backend", "Program.cs"));
        var shutdown = int.Parse(ShutdownTimeout().Match(program).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(shutdown < stopTimeout, $"the backend drains for {shutdown} s but ECS kills it after {stopTimeout} s");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Deploys_keep_full_capacity_wait_for_the_app_to_start_and_roll_back_a_failing_release(string environment)
    {
        var service = fixture.Stack("desafio-aws", environment, "app-backend").Properties("AWS::ECS::Service");
        var deployment = service["DeploymentConfiguration"]!;
        Assert.Equal(100, deployment["MinimumHealthyPercent"]!.GetValue<int>());
        Assert.Equal(200, deployment["MaximumPercent"]!.GetValue<int>());
        Assert.True(deployment["DeploymentCircuitBreaker"]!["Rollback"]!.GetValue<bool>());
        Assert.InRange(service["HealthCheckGracePeriodSeconds"]!.GetValue<int>(), 30, 120);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Static_paths_cache_for_as_long_as_the_publish_command_says_and_compressed(string environment)
    {
        var edge = fixture.Stack("desafio-aws", environment, "edge");
        var (policyId, policy) = Assert.Single(edge.Resources("AWS::CloudFront::CachePolicy"));
        var config = policy["Properties"]!["CachePolicyConfig"]!;
        var minimum = config["MinTTL"]!.GetValue<int>();
        var maximum = config["MaxTTL"]!.GetValue<int>();
        Assert.Equal(86400, config["DefaultTTL"]!.GetValue<int>());

        // CloudFront keeps an object for the origin's max-age only when MinTTL <= max-age <= MaxTTL.
        // trilho publish-static sets these: hashed assets, other files, HTML pages in browsers, HTML pages at the edge.
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Compiler.Cli", "Delivery", "CacheRule.cs"));
        var maxAges = MaxAge().Matches(rules).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([31536000, 300, 0, 60], maxAges);
        Assert.All(maxAges, age => Assert.InRange(age, minimum, maximum));

        var cacheKey = config["ParametersInCacheKeyAndForwardedToOrigin"]!;
        Assert.True(cacheKey["EnableAcceptEncodingGzip"]!.GetValue<bool>());
        Assert.True(cacheKey["EnableAcceptEncodingBrotli"]!.GetValue<bool>());

        var behaviors = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!["CacheBehaviors"]!.AsArray()
            .Where(b => b!["PathPattern"]!.GetValue<string>().StartsWith("/frontend", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, behaviors.Count);
        Assert.All(behaviors, b =>
        {
            Assert.Equal(policyId, Template.Target(b!["CachePolicyId"]));
            Assert.True(b["Compress"]!.GetValue<bool>());
        });
    }

    [GeneratedRegex(@"ShutdownTimeout = TimeSpan\.FromSeconds\((\d+)\)")]
    private static partial Regex ShutdownTimeout();

    [GeneratedRegex(@"max-?age=(\d+)")]
    private static partial Regex MaxAge();
}
