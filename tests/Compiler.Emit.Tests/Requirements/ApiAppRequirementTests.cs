using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>api apps on ECS Fargate (issue 3, item 7) and the app contract (docs/app-contract.md).</summary>
[Collection(SynthesisGroup.Name)]
public sealed partial class ApiAppRequirementTests(SynthesisFixture fixture)
{
    [Theory]
    [InlineData("dev", 1, 4)]
    [InlineData("prod", 3, 30)]
    public void Backend_scales_on_requests_and_CPU_between_min_and_max(string environment, int min, int max)
    {
        var app = fixture.Stack("desafio-aws", environment, "app-backend");
        var target = app.Properties("AWS::ApplicationAutoScaling::ScalableTarget");
        Assert.Equal(min, target["MinCapacity"]!.GetValue<int>());
        Assert.Equal(max, target["MaxCapacity"]!.GetValue<int>());
        Assert.Equal("ecs:service:DesiredCount", target["ScalableDimension"]!.GetValue<string>());

        var policies = app.Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => p.Resource["Properties"]!["TargetTrackingScalingPolicyConfiguration"]!)
            .ToDictionary(c => c["PredefinedMetricSpecification"]!["PredefinedMetricType"]!.GetValue<string>(), c => c);
        Assert.Equal(60, policies["ECSServiceAverageCPUUtilization"]["TargetValue"]!.GetValue<int>());
        Assert.Equal(500, policies["ALBRequestCountPerTarget"]["TargetValue"]!.GetValue<int>());
        Assert.Contains("LoadBalancerFullName", policies["ALBRequestCountPerTarget"].ToJsonString(), StringComparison.Ordinal);

        // Autoscaling owns the task count: a deploy must not reset it.
        Assert.Null(app.Properties("AWS::ECS::Service")["DesiredCount"]);
    }

    [Fact]
    public void Backend_receives_the_app_contract_variables_and_connects_as_its_own_role_with_IAM_not_the_master_secret()
    {
        var app = fixture.Stack("desafio-aws", "dev", "app-backend");
        var container = Container("desafio-aws", "dev", "backend");
        var environment = container["Environment"]!.AsArray().ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]!.ToJsonString().Trim('"'));
        Assert.Equal("8080", environment["PORT"]);
        Assert.Equal("/backend", environment["APP_BASE_PATH"]);
        Assert.Equal("/tmp", environment["TMPDIR"]);
        // The endpoint (the certificate's name and the IAM token's host), from the shared stack.
        Assert.Equal("{\"Ref\":\"DatabaseEndpoint\"}", environment["DB_HOST"]);
        Assert.Equal("5432", environment["DB_PORT"]);
        Assert.Equal("app", environment["DB_NAME"]);
        Assert.Equal("backend", environment["DB_USER"]);
        Assert.Equal("iam", environment["DB_AUTH"]);
        Assert.Equal("VerifyFull", environment["DB_SSLMODE"]);
        Assert.Equal("sa-east-1", environment["AWS_REGION"]);
        Assert.Equal("Information", environment["LOG_LEVEL"]);

        // No password at all: nothing to go stale at a rotation, and the master secret is out of the app's reach.
        Assert.Null(container["Secrets"]);
        Assert.DoesNotContain("DatabaseSecretArn", app.ParameterNames);
        Assert.Contains("DatabaseResourceId", app.ParameterNames);
    }

    [Fact]
    public void App_secrets_come_from_Secrets_Manager_not_plain_variables()
    {
        var container = Container("two-apis-firewall-no-domain", "dev", "orders");
        var secret = container["Secrets"]!.AsArray().Single(s => s!["Name"]!.GetValue<string>() == "PAYMENT_API_KEY")!;
        Assert.Contains(":secret:shop/payment-api-key", secret["ValueFrom"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(container["Environment"]!.AsArray(), e => e!["Name"]!.GetValue<string>() == "PAYMENT_API_KEY");
    }

    [Fact]
    public void Backend_runs_non_root_with_a_read_only_root_filesystem_a_memory_limit_and_logs_with_retention()
    {
        var container = Container("desafio-aws", "prod", "backend");
        Assert.Equal("1000:1000", container["User"]!.GetValue<string>());
        Assert.True(container["ReadonlyRootFilesystem"]!.GetValue<bool>());
        Assert.Equal(1024, container["Memory"]!.GetValue<int>());
        Assert.Equal("/tmp", container["MountPoints"]![0]!["ContainerPath"]!.GetValue<string>());

        var app = fixture.Stack("desafio-aws", "prod", "app-backend");
        var logGroup = app.Properties("AWS::Logs::LogGroup");
        Assert.Equal(30, logGroup["RetentionInDays"]!.GetValue<int>());
        Assert.Equal("LogsKeyArn", Template.Target(logGroup["KmsKeyId"]));
        Assert.Equal("awslogs", container["LogConfiguration"]!["LogDriver"]!.GetValue<string>());
    }

    [Fact]
    public void Backend_runs_in_private_subnets_behind_a_rule_on_its_path_with_health_checks_and_rollback()
    {
        var app = fixture.Stack("desafio-aws", "dev", "app-backend");
        var service = app.Properties("AWS::ECS::Service");
        var network = service["NetworkConfiguration"]!["AwsvpcConfiguration"]!;
        Assert.Equal("DISABLED", network["AssignPublicIp"]!.GetValue<string>());
        Assert.Equal(["PrivateSubnet1Id", "PrivateSubnet2Id"], network["Subnets"]!.AsArray().Select(Template.Target));

        var breaker = service["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!;
        Assert.True(breaker["Enable"]!.GetValue<bool>());
        Assert.True(breaker["Rollback"]!.GetValue<bool>());

        // The rule and target group belong to the shared stack, which only the platform deploys (ADR 0008); the service
        // registers in the target group the shared stack hands over through the deploy plan.
        Assert.Empty(app.Resources("AWS::ElasticLoadBalancingV2::ListenerRule"));
        Assert.Empty(app.Resources("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal("TargetGroupArn", Template.Target(service["LoadBalancers"]![0]!["TargetGroupArn"]));
        var wired = fixture.Plan("desafio-aws", "dev").Stacks.Single(s => s.StackName == "desafio-dev-app-backend").Parameters.Single(p => p.Key == "TargetGroupArn").Value;
        Assert.Equal(("desafio-dev-shared", "BackendTargetGroupArn"), (wired.FromStack, wired.Output));

        var shared = fixture.Stack("desafio-aws", "dev", "shared");
        var (ruleId, rule) = Assert.Single(shared.Resources("AWS::ElasticLoadBalancingV2::ListenerRule"));
        var properties = rule["Properties"]!;
        Assert.Equal(["/backend", "/backend/*"], properties["Conditions"]![0]!["PathPatternConfig"]!["Values"]!.AsArray().Select(v => v!.GetValue<string>()));
        var (targetsId, targetGroup) = Assert.Single(shared.Resources("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal(targetsId, Template.Target(properties["Actions"]![0]!["TargetGroupArn"]));
        Assert.Equal(targetsId, Template.Target(shared.Root["Outputs"]!["BackendTargetGroupArn"]!["Value"]));
        Assert.StartsWith("RouteBackend", ruleId, StringComparison.Ordinal);

        var targets = targetGroup["Properties"]!;
        Assert.Equal("/backend/health/live", targets["HealthCheckPath"]!.GetValue<string>());
        Assert.Equal("ip", targets["TargetType"]!.GetValue<string>());
    }

    [Fact]
    public void Backend_image_tag_is_a_template_parameter_and_its_repository_is_in_the_shared_stack()
    {
        var app = fixture.Stack("desafio-aws", "dev", "app-backend");
        Assert.Contains("{\"Ref\":\"ImageTag\"}", Container("desafio-aws", "dev", "backend")["Image"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("ImageTag", app.ParameterNames);

        var repository = fixture.Stack("desafio-aws", "dev", "shared").Properties("AWS::ECR::Repository");
        Assert.Equal("desafio-dev/backend", repository["RepositoryName"]!.GetValue<string>());
        Assert.True(repository["ImageScanningConfiguration"]!["ScanOnPush"]!.GetValue<bool>());
        Assert.Equal("IMMUTABLE", repository["ImageTagMutability"]!.GetValue<string>());
        Assert.NotNull(repository["LifecyclePolicy"]);
    }

    [Fact]
    public void Listener_rule_priorities_are_unique_and_stable()
    {
        var rules = fixture.Stack("two-apis-firewall-no-domain", "dev", "shared").Resources("AWS::ElasticLoadBalancingV2::ListenerRule");
        var orders = rules.Single(r => r.Id.StartsWith("RouteOrders", StringComparison.Ordinal)).Resource["Properties"]!["Priority"]!.GetValue<int>();
        var reports = rules.Single(r => r.Id.StartsWith("RouteReports", StringComparison.Ordinal)).Resource["Properties"]!["Priority"]!.GetValue<int>();
        Assert.NotEqual(orders, reports);

        // An app keeps its priority when other apps come and go.
        Assert.Equal(orders, EmitNames.ListenerPriorities(["orders"])["orders"]);
        Assert.Equal(orders, EmitNames.ListenerPriorities(["a", "orders", "zzz"])["orders"]);
    }

    [Fact]
    public void The_app_contract_states_the_health_check_and_shutdown_numbers_of_the_template()
    {
        var contract = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "app-contract.md")).ReplaceLineEndings(" ");
        var health = HealthSentence().Match(contract);
        Assert.True(health.Success, "docs/app-contract.md no longer states the health check as 'within N s ... every N s; N failures'");
        var targets = fixture.Stack("desafio-aws", "dev", "shared").Properties("AWS::ElasticLoadBalancingV2::TargetGroup");
        Assert.Equal(targets["HealthCheckTimeoutSeconds"]!.GetValue<int>(), int.Parse(health.Groups["timeout"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(targets["HealthCheckIntervalSeconds"]!.GetValue<int>(), int.Parse(health.Groups["interval"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(targets["UnhealthyThresholdCount"]!.GetValue<int>(), int.Parse(health.Groups["failures"].Value, System.Globalization.CultureInfo.InvariantCulture));

        var shutdown = ShutdownSentence().Match(contract);
        Assert.True(shutdown.Success, "docs/app-contract.md no longer states the shutdown time as 'within N s (deregistration delay)'");
        var delay = targets["TargetGroupAttributes"]!.AsArray().Single(a => a!["Key"]!.GetValue<string>() == "deregistration_delay.timeout_seconds")!["Value"]!.GetValue<string>();
        Assert.Equal(delay, shutdown.Groups["seconds"].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"within (?<timeout>\d+) s once ready\. The load\s+balancer polls every (?<interval>\d+) s; (?<failures>\d+) failures")]
    private static partial System.Text.RegularExpressions.Regex HealthSentence();

    [System.Text.RegularExpressions.GeneratedRegex(@"within (?<seconds>\d+) s \(deregistration delay\)")]
    private static partial System.Text.RegularExpressions.Regex ShutdownSentence();

    private JsonNode Container(string caseName, string environment, string app) =>
        Assert.Single(fixture.Stack(caseName, environment, "app-" + app).Properties("AWS::ECS::TaskDefinition")["ContainerDefinitions"]!.AsArray())!;
}
