using System.Text.Json.Nodes;
using static Trilho.Compiler.Tests.Cli.Delivery.FakeAws;

namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary><c>trilho deploy</c> against the fake AWS CLI (fakes/aws), which records every call and answers as the real one.</summary>
public sealed class DeployCommandTests
{
    private static readonly string[] AllStacks = ["desafio-dev-global", "desafio-dev-shared", "desafio-dev-app-backend", "desafio-dev-app-frontend", "desafio-dev-edge"];

    private static string StackOf(string[] call) => Flag(call, "--stack-name");

    [Fact]
    public void Deploys_every_stack_in_plan_order_with_region_template_capabilities_and_no_failure_on_empty_change_sets()
    {
        using var aws = new FakeAws();
        var (code, output, error) = aws.Run("deploy", Plan, "--image-tag", "backend=abc123");
        Assert.True(code == 0, error);
        var deploys = aws.Deploys;
        Assert.Equal(AllStacks, deploys.Select(StackOf));
        Assert.Equal(["us-east-1", "sa-east-1", "sa-east-1", "sa-east-1", "sa-east-1"], deploys.Select(c => Flag(c, "--region")));
        Assert.Equal(Path.Combine(FixturesFolder, "desafio-dev-shared.template.json"), Flag(deploys[1], "--template-file"));
        Assert.Equal("CAPABILITY_IAM", Flag(deploys[1], "--capabilities"));
        Assert.DoesNotContain("--capabilities", deploys[0]);
        Assert.All(deploys, c => Assert.Contains("--no-fail-on-empty-changeset", c));
        Assert.DoesNotContain("--parameter-overrides", deploys[0]);
        Assert.Contains("done: 6 step(s) of desafio-dev", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_folder_is_enough_to_name_the_plan()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", FixturesFolder, "--image-tag", "backend=abc123");
        Assert.True(code == 0, error);
        Assert.Equal(5, aws.Deploys.Count);
    }

    [Fact]
    public void Wires_literal_command_and_earlier_stacks_output_values_into_parameter_overrides()
    {
        using var aws = new FakeAws();
        Assert.Equal(0, aws.Run("deploy", Plan, "--image-tag", "backend=abc123").Code);
        var deploys = aws.Deploys;
        Assert.Equal(["CloudFrontPrefixListId=pl-5da64334", "AlarmEmail=noc@example.com"], Overrides(deploys[1]));
        Assert.Equal(
            ["VpcId=vpc-0123", "ListenerArn=arn:aws:elasticloadbalancing:sa-east-1:111111111111:listener/app/alb/1/2", "ImageTag=abc123"],
            Overrides(deploys[2]));
        Assert.Equal(
            ["FrontendBucketName=desafio-dev-app-frontend-bucket-1", "CertificateArn=arn:aws:acm:us-east-1:111111111111:certificate/abc", "BackendServiceName=backend"],
            Overrides(deploys[4]));
    }

    [Fact]
    public void Reads_a_stack_before_deploying_it_and_its_outputs_once_after()
    {
        using var aws = new FakeAws();
        Assert.Equal(0, aws.Run("deploy", Plan, "--image-tag", "backend=abc123").Code);
        var calls = aws.Calls.Select(c => $"{c[1]} {StackOf(c)}").ToList();
        var describes = aws.Calls.Where(c => c[1] == "describe-stacks").ToList();
        Assert.All(describes, c => Assert.Equal("Stacks[0]", Flag(c, "--query")));
        // Once before its deploy (is it a rolled-back first create?), once after it for the outputs the later stacks need.
        Assert.Equal(2, describes.Count(c => StackOf(c) == "desafio-dev-shared"));
        Assert.True(calls.IndexOf("describe-stacks desafio-dev-shared") < calls.IndexOf("deploy desafio-dev-shared"));
        Assert.True(calls.IndexOf("deploy desafio-dev-shared") < calls.LastIndexOf("describe-stacks desafio-dev-shared"));
        Assert.Equal("us-east-1", Flag(describes.First(c => StackOf(c) == "desafio-dev-global"), "--region"));
    }

    [Fact]
    public void An_app_without_image_tag_keeps_the_tag_its_stack_runs()
    {
        var state = Existing(AllStacks[..4], new JsonObject
        {
            ["desafio-dev-app-backend"] = new JsonObject { ["Parameters"] = new JsonArray(new JsonObject { ["ParameterKey"] = "ImageTag", ["ParameterValue"] = "old999" }) },
        });
        using var aws = new FakeAws(state);
        var (code, output, error) = aws.Run("deploy", Plan);
        Assert.True(code == 0, error);
        var backend = aws.Deploys.Single(c => StackOf(c) == "desafio-dev-app-backend");
        Assert.DoesNotContain(Overrides(backend), o => o.StartsWith("ImageTag=", StringComparison.Ordinal));
        Assert.Contains("ImageTag: unchanged", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_deploy_without_any_image_tag_stops_before_the_app_stack_with_a_clear_message()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", Plan);
        Assert.Equal(1, code);
        Assert.Contains("no image tag for app backend", error, StringComparison.Ordinal);
        Assert.Contains("--image-tag backend=<tag>", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-app-backend");
    }

    [Fact]
    public void Default_image_tag_and_push_command_push_new_images_at_the_push_step_before_app_stacks()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", Plan, "--default-image-tag", "sha1", "--push-command", "echo \"$TRILHO_APP $TRILHO_REPOSITORY_URI $TRILHO_IMAGE_TAG $TRILHO_REGION\" >> \"$PUSH_LOG\"");
        Assert.True(code == 0, error);
        Assert.Equal(["backend 111111111111.dkr.ecr.sa-east-1.amazonaws.com/desafio-dev/backend sha1 sa-east-1"], aws.Pushes);
        Assert.Contains("ImageTag=sha1", Overrides(aws.Deploys.Single(c => StackOf(c) == "desafio-dev-app-backend")));
        // The backend stack was read (absent) before its deploy; the edge must see it as deployed now.
        Assert.Contains("BackendServiceName=backend", Overrides(aws.Deploys.Single(c => StackOf(c) == "desafio-dev-edge")));
    }

    [Fact]
    public void A_push_command_that_fails_stops_the_deploy_before_any_app_stack()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", Plan, "--image-tag", "backend=abc", "--push-command", "echo no docker >&2; exit 3");
        Assert.Equal(1, code);
        Assert.Contains("FAILED at step 3/6 (pushImages)", error, StringComparison.Ordinal);
        Assert.Matches("pushing backend .* failed with exit 3", error);
        Assert.Contains("no docker", error, StringComparison.Ordinal);
        Assert.Equal(["desafio-dev-global", "desafio-dev-shared"], aws.Deploys.Select(StackOf));
    }

    [Fact]
    public void Stops_at_the_first_failing_stack_and_prints_the_step_the_stack_the_error_and_the_failed_events()
    {
        var state = new JsonObject
        {
            ["fail"] = new JsonArray("desafio-dev-app-backend"),
            ["events"] = JsonNode.Parse("""
                { "desafio-dev-app-backend": [
                  { "Timestamp": "2026-01-01T00:00:02Z", "LogicalResourceId": "desafio-dev-app-backend", "ResourceType": "AWS::CloudFormation::Stack", "ResourceStatus": "UPDATE_ROLLBACK_COMPLETE" },
                  { "Timestamp": "2026-01-01T00:00:01Z", "LogicalResourceId": "Service", "ResourceType": "AWS::ECS::Service", "ResourceStatus": "UPDATE_FAILED", "ResourceStatusReason": "ECS Deployment Circuit Breaker was triggered" } ] }
                """),
        };
        using var aws = new FakeAws(state);
        var (code, _, error) = aws.Run("deploy", Plan, "--image-tag", "backend=bad");
        Assert.Equal(1, code);
        Assert.Contains("FAILED at step 4/6 (deployStack desafio-dev-app-backend in sa-east-1)", error, StringComparison.Ordinal);
        Assert.Contains("stack:  desafio-dev-app-backend (region sa-east-1)", error, StringComparison.Ordinal);
        Assert.Contains("Failed to create/update the stack", error, StringComparison.Ordinal);
        Assert.Matches("failed resources:\n.*Service AWS::ECS::Service UPDATE_FAILED: ECS Deployment Circuit Breaker was triggered", error.ReplaceLineEndings("\n"));
        var events = aws.Calls.Single(c => c[1] == "describe-stack-events");
        Assert.Equal(("desafio-dev-app-backend", "sa-east-1"), (StackOf(events), Flag(events, "--region")));
        Assert.Equal("desafio-dev-app-backend", StackOf(aws.Deploys[^1]));
    }

    [Fact]
    public void A_failed_first_create_says_the_next_run_recovers_and_the_next_run_deletes_the_rolled_back_stack_then_creates_it()
    {
        using var aws = new FakeAws(new JsonObject { ["fail"] = new JsonArray("desafio-dev-app-backend") });
        var (code, _, error) = aws.Run("deploy", Plan, "--image-tag", "backend=v1", "--role-arn", "arn:aws:iam::111111111111:role/desafio-dev-cfn-platform");
        Assert.Equal(1, code);
        Assert.Contains("ROLLBACK_COMPLETE", error, StringComparison.Ordinal);
        Assert.Contains("run the same command again: trilho deploy deletes desafio-dev-app-backend", error, StringComparison.Ordinal);
        Assert.Equal("ROLLBACK_COMPLETE", aws.State["stacks"]!["desafio-dev-app-backend"]!["StackStatus"]!.GetValue<string>());

        // The cause is fixed; the same command again.
        var state = aws.State;
        state["fail"] = new JsonArray();
        File.WriteAllText(Path.Combine(aws.Folder, "state.json"), state.ToJsonString());
        var before = aws.Calls.Count;
        var retry = aws.Run("deploy", Plan, "--image-tag", "backend=v1", "--role-arn", "arn:aws:iam::111111111111:role/desafio-dev-cfn-platform");
        Assert.True(retry.Code == 0, retry.Err);
        var calls = aws.Calls.Skip(before).Where(c => StackOf(c) == "desafio-dev-app-backend").Select(c => string.Join(' ', c.Take(3))).ToList();
        Assert.Equal(
            ["cloudformation describe-stacks --stack-name", "cloudformation delete-stack --stack-name", "cloudformation wait stack-delete-complete", "cloudformation deploy --stack-name", "cloudformation describe-stacks --stack-name"],
            calls);
        var delete = aws.Calls.Single(c => c[1] == "delete-stack");
        Assert.Equal(("sa-east-1", "arn:aws:iam::111111111111:role/desafio-dev-cfn-platform"), (Flag(delete, "--region"), Flag(delete, "--role-arn")));
        Assert.Contains("ROLLBACK_COMPLETE (its first create failed and rolled back", retry.Out, StringComparison.Ordinal);
        Assert.Contains("ImageTag=v1", Overrides(aws.Deploys.Last(c => StackOf(c) == "desafio-dev-app-backend")));
        Assert.Equal("CREATE_COMPLETE", aws.State["stacks"]!["desafio-dev-app-backend"]!["StackStatus"]!.GetValue<string>());
    }

    [Fact]
    public void A_failed_first_create_of_a_protected_stack_rolls_back_cleanly_and_the_next_run_creates_it_then_turns_protection_on()
    {
        // The shared stack's template defaults DeletionProtection to true; with protection on at create time the
        // rollback cannot delete the database and the stack ends in ROLLBACK_FAILED (the fake models RDS refusing).
        using var aws = new FakeAws(new JsonObject
        {
            ["fail"] = new JsonArray("desafio-dev-shared"),
            ["defaults"] = new JsonObject { ["desafio-dev-shared"] = new JsonObject { ["DeletionProtection"] = "true" } },
        });
        var plan = ProtectedSharedPlan(aws);
        var (code, _, error) = aws.Run("deploy", plan, "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("DeletionProtection=false", Overrides(aws.Deploys.Single(c => StackOf(c) == "desafio-dev-shared")));
        Assert.Equal("ROLLBACK_COMPLETE", aws.State["stacks"]!["desafio-dev-shared"]!["StackStatus"]!.GetValue<string>());
        Assert.Contains("run the same command again: trilho deploy deletes desafio-dev-shared", error, StringComparison.Ordinal);

        // The cause is fixed; the same command again.
        var state = aws.State;
        state["fail"] = new JsonArray();
        aws.SetState(state);
        var before = aws.Calls.Count;
        var retry = aws.Run("deploy", plan, "--image-tag", "backend=v1");
        Assert.True(retry.Code == 0, retry.Err);
        var shared = aws.Calls.Skip(before).Where(c => c.Contains("desafio-dev-shared") && c[1] != "describe-stack-events").ToList();
        Assert.Equal(
            ["describe-stacks", "delete-stack", "wait", "deploy", "deploy", "describe-stacks"],
            shared.Select(c => c[1]));
        Assert.Equal(["CloudFrontPrefixListId=pl-5da64334", "AlarmEmail=noc@example.com", "DeletionProtection=false"], Overrides(shared[3]));
        Assert.Equal(["CloudFrontPrefixListId=pl-5da64334", "AlarmEmail=noc@example.com", "DeletionProtection=true"], Overrides(shared[4]));
        var deployed = aws.State["stacks"]!["desafio-dev-shared"]!;
        Assert.Equal("UPDATE_COMPLETE", deployed["StackStatus"]!.GetValue<string>());
        Assert.Contains(deployed["Parameters"]!.AsArray(), p => p!["ParameterKey"]!.GetValue<string>() == "DeletionProtection" && p["ParameterValue"]!.GetValue<string>() == "true");
        Assert.Contains("first create of desafio-dev-shared: DeletionProtection=false until it succeeds", retry.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployed_protected_stack_is_updated_once_with_protection_on()
    {
        using var aws = new FakeAws(Existing(AllStacks));
        var (code, _, error) = aws.Run("deploy", ProtectedSharedPlan(aws), "--image-tag", "backend=v2");
        Assert.True(code == 0, error);
        var shared = Assert.Single(aws.Deploys, c => StackOf(c) == "desafio-dev-shared");
        Assert.Contains("DeletionProtection=true", Overrides(shared));
    }

    [Fact]
    public void A_stack_left_in_review_in_progress_by_a_failed_first_change_set_is_still_created_unprotected()
    {
        // A first deploy that failed before its change set ran leaves an empty stack in REVIEW_IN_PROGRESS; the next
        // deploy is still its first create, and a protected create could not roll back.
        using var aws = new FakeAws(new JsonObject
        {
            ["stacks"] = new JsonObject { ["desafio-dev-shared"] = new JsonObject { ["StackStatus"] = "REVIEW_IN_PROGRESS" } },
        });
        var (code, _, error) = aws.Run("deploy", ProtectedSharedPlan(aws), "--image-tag", "backend=v1");
        Assert.True(code == 0, error);
        var shared = aws.Deploys.Where(c => StackOf(c) == "desafio-dev-shared").ToList();
        Assert.Equal(2, shared.Count);
        Assert.Contains("DeletionProtection=false", Overrides(shared[0]));
        Assert.Contains("DeletionProtection=true", Overrides(shared[1]));
    }

    [Fact]
    public void When_turning_protection_on_after_the_create_fails_the_next_run_turns_it_on_as_a_normal_update()
    {
        // The create succeeds, the update after it fails (e.g. the runner lost its credentials): the stack exists unprotected.
        using var aws = new FakeAws(new JsonObject { ["failUpdates"] = new JsonArray("desafio-dev-shared") });
        var plan = ProtectedSharedPlan(aws);
        var (code, _, error) = aws.Run("deploy", plan, "--image-tag", "backend=v1");
        Assert.Equal(1, code);
        Assert.Contains("desafio-dev-shared was created, but the update that sets DeletionProtection failed", error, StringComparison.Ordinal);
        Assert.Contains("Run the same command again", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-app-backend");

        var state = aws.State;
        state["failUpdates"] = new JsonArray();
        aws.SetState(state);
        var before = aws.Deploys.Count;
        Assert.Equal(0, aws.Run("deploy", plan, "--image-tag", "backend=v1").Code);
        var again = Assert.Single(aws.Deploys.Skip(before), c => StackOf(c) == "desafio-dev-shared");
        Assert.Contains("DeletionProtection=true", Overrides(again));
    }

    [Fact]
    public void A_stack_in_rollback_failed_is_not_deployed_and_the_error_says_how_to_recover()
    {
        var state = new JsonObject
        {
            ["stacks"] = new JsonObject { ["desafio-dev-shared"] = new JsonObject { ["StackStatus"] = "ROLLBACK_FAILED" } },
            ["events"] = JsonNode.Parse("""
                { "desafio-dev-shared": [
                  { "Timestamp": "2026-01-01T00:20:00Z", "LogicalResourceId": "DatabaseInstance", "ResourceType": "AWS::RDS::DBInstance", "ResourceStatus": "DELETE_FAILED", "ResourceStatusReason": "Cannot delete protected DB Instance, please disable deletion protection and try again." } ] }
                """),
        };
        using var aws = new FakeAws(state);
        var (code, _, error) = aws.Run("deploy", ProtectedSharedPlan(aws), "--image-tag", "backend=v1", "--role-arn", "arn:aws:iam::111111111111:role/desafio-dev-cfn-platform");
        Assert.Equal(1, code);
        Assert.Contains("desafio-dev-shared is in ROLLBACK_FAILED", error, StringComparison.Ordinal);
        Assert.Contains("aws rds modify-db-instance --db-instance-identifier <id> --no-deletion-protection --apply-immediately --region sa-east-1", error, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation delete-stack --stack-name desafio-dev-shared --region sa-east-1 --role-arn arn:aws:iam::111111111111:role/desafio-dev-cfn-platform", error, StringComparison.Ordinal);
        Assert.Matches("DatabaseInstance AWS::RDS::DBInstance DELETE_FAILED: Cannot delete protected DB Instance", error);
        Assert.DoesNotContain(aws.Deploys, c => StackOf(c) == "desafio-dev-shared");
        Assert.DoesNotContain(aws.Calls, c => c[1] == "delete-stack");
    }

    [Fact]
    public void Dry_run_says_a_first_create_value_is_staged()
    {
        using var aws = new FakeAws();
        var (code, output, error) = aws.Run("deploy", ProtectedSharedPlan(aws), "--dry-run");
        Assert.True(code == 0, error);
        Assert.Contains("DeletionProtection: false while the stack is first created, then an update to true", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_that_only_failed_an_update_is_never_deleted()
    {
        var state = Existing(AllStacks);
        state["fail"] = new JsonArray("desafio-dev-shared");
        using var aws = new FakeAws(state);
        Assert.Equal(1, aws.Run("deploy", Plan, "--image-tag", "backend=v2").Code);
        Assert.Equal(1, aws.Run("deploy", Plan, "--image-tag", "backend=v2").Code);
        Assert.DoesNotContain(aws.Calls, c => c[1] == "delete-stack");
    }

    [Fact]
    public void Only_deploys_just_that_app_stack_wiring_its_parameters_from_the_deployed_stacks_with_no_image_push()
    {
        using var aws = new FakeAws(Existing(AllStacks));
        var (code, output, error) = aws.Run("deploy", Plan, "--only", "desafio-dev-app-backend", "--image-tag", "backend=new42", "--push-command", "echo pushed >> \"$PUSH_LOG\"");
        Assert.True(code == 0, error);
        var deploy = Assert.Single(aws.Deploys);
        Assert.Equal("desafio-dev-app-backend", StackOf(deploy));
        Assert.Contains("ImageTag=new42", Overrides(deploy));
        Assert.Contains("VpcId=vpc-0123", Overrides(deploy));
        Assert.Empty(aws.Pushes);
        Assert.Contains("step 4/6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_with_a_stack_the_plan_does_not_have_lists_the_plans_stacks()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", Plan, "--only", "desafio-dev-app-nope");
        Assert.Equal(1, code);
        Assert.Contains("--only desafio-dev-app-nope: no such stack in the plan (stacks: desafio-dev-global, desafio-dev-shared", error, StringComparison.Ordinal);
        Assert.Empty(aws.Calls);
    }

    [Fact]
    public void Role_arn_hands_cloudformation_the_execution_role_on_every_deploy()
    {
        const string role = "arn:aws:iam::111111111111:role/desafio-dev-cfn-platform";
        using var aws = new FakeAws();
        Assert.Equal(0, aws.Run("deploy", Plan, "--image-tag", "backend=abc", "--role-arn", role).Code);
        Assert.All(aws.Deploys, c => Assert.Equal(role, Flag(c, "--role-arn")));
    }

    [Fact]
    public void A_step_whose_template_needs_an_s3_upload_stops_without_s3_bucket_naming_the_stack_and_the_flag()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", LargeEdgePlan(aws), "--image-tag", "backend=abc");
        Assert.Equal(1, code);
        Assert.Contains("stack desafio-dev-edge: its template is 60000 bytes", error, StringComparison.Ordinal);
        Assert.Contains("Pass --s3-bucket <name>", error, StringComparison.Ordinal);
        Assert.Equal(AllStacks[..4], aws.Deploys.Select(StackOf));
    }

    [Fact]
    public void S3_bucket_is_passed_to_every_deploy_so_large_templates_upload_there()
    {
        using var aws = new FakeAws();
        var (code, _, error) = aws.Run("deploy", LargeEdgePlan(aws), "--image-tag", "backend=abc", "--s3-bucket", "desafio-dev-templates");
        Assert.True(code == 0, error);
        Assert.Equal(5, aws.Deploys.Count);
        Assert.All(aws.Deploys, c => Assert.Equal("desafio-dev-templates", Flag(c, "--s3-bucket")));
    }

    [Fact]
    public void Dry_run_only_reads_the_live_stacks_and_prints_every_deploy_command()
    {
        using var aws = new FakeAws();
        var (code, output, error) = aws.Run("deploy", Plan, "--dry-run");
        Assert.True(code == 0, error);
        Assert.All(aws.Calls, c => Assert.Equal("describe-stacks", c[1]));
        Assert.Equal(5, output.Split("would run: aws cloudformation deploy").Length - 1);
        Assert.Contains("'VpcId=<output VpcId of desafio-dev-shared>'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_plan_of_another_format_version_and_bad_arguments()
    {
        using var aws = new FakeAws();
        var v2 = Path.Combine(aws.Folder, "deploy-plan.json");
        File.WriteAllText(v2, """{ "formatVersion": 2, "steps": [] }""");
        var (code, _, error) = aws.Run("deploy", v2);
        Assert.Equal(1, code);
        Assert.Contains("formatVersion 2; this tool reads version 1", error, StringComparison.Ordinal);
        Assert.Equal(2, aws.Run("deploy").Code);
        Assert.Contains("--image-tag expects <app>=<tag>", aws.Run("deploy", Plan, "--image-tag", "backend").Err, StringComparison.Ordinal);
        Assert.Contains("trilho deploy: error: Unrecognized command or argument '--frobnicate'", aws.Run("deploy", Plan, "--frobnicate").Err, StringComparison.Ordinal);
        Assert.Contains("no deploy-plan.json in", aws.Run("deploy", Directory.CreateDirectory(Path.Combine(aws.Folder, "empty")).FullName).Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_env_prints_account_region_of_the_shared_stack_and_prefix_for_github_output()
    {
        using var aws = new FakeAws();
        var (code, output, _) = aws.Run("plan-env", FixturesFolder);
        Assert.Equal(0, code);
        Assert.Equal(["account=111111111111", "region=sa-east-1", "prefix=desafio-dev"], output.Trim().Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void A_plan_that_replaces_the_live_database_is_refused_before_any_deploy_with_the_canonical_line()
    {
        // The environment runs a database named desafio-dev-old; the plan names it desafio-dev: RDS replaces an instance
        // whose DBInstanceIdentifier changes (causesReplacement in @aws-cdk/aws-service-spec; AWS::RDS::DBInstance docs).
        using var aws = new FakeAws(LiveDatabaseNamed("desafio-dev-old"));
        var (code, output, error) = aws.Run("deploy", Plan, "--image-tag", "backend=v2");
        Assert.Equal(1, code);
        Assert.Empty(aws.Deploys);
        Assert.Contains("nothing was deployed", error, StringComparison.Ordinal);
        Assert.Contains("trilho: error TRL6001: desafio-dev-shared/DatabaseInstance (AWS::RDS::DBInstance) would be REPLACED: DBInstanceIdentifier changes", error, StringComparison.Ordinal);
        Assert.Contains("REPLACED        DatabaseInstance (AWS::RDS::DBInstance)  [stateful]", output, StringComparison.Ordinal);
        var read = Assert.Single(aws.Calls, c => c[1] == "get-template" && StackOf(c) == "desafio-dev-shared");
        Assert.Equal(("sa-east-1", "Original"), (Flag(read, "--region"), Flag(read, "--template-stage")));
        // Every stack of the plan was read before the first deploy would have run: the refusal covers the whole plan.
        Assert.Equal(AllStacks.Length, aws.Calls.Count(c => c[1] == "get-template"));
    }

    [Fact]
    public void Dry_run_reports_the_same_refusal()
    {
        using var aws = new FakeAws(LiveDatabaseNamed("desafio-dev-old"));
        var (code, _, error) = aws.Run("deploy", Plan, "--dry-run");
        Assert.Equal(1, code);
        Assert.Contains("trilho: error TRL6001: desafio-dev-shared/DatabaseInstance (AWS::RDS::DBInstance) would be REPLACED: DBInstanceIdentifier changes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledged_replacement_of_the_live_database_deploys()
    {
        using var aws = new FakeAws(LiveDatabaseNamed("desafio-dev-old"));
        var plan = aws.PlanWith("acknowledged", p => p["acknowledgedReplacements"] = new JsonArray("desafio-dev-shared/DatabaseInstance"));
        var (code, output, error) = aws.Run("deploy", plan, "--image-tag", "backend=v2");
        Assert.True(code == 0, error);
        Assert.Equal(AllStacks, aws.Deploys.Select(StackOf));
        Assert.Contains("DatabaseInstance (AWS::RDS::DBInstance)  [stateful, acknowledged]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_place_change_of_a_live_stack_deploys()
    {
        // A changed alarm threshold updates the alarm in place (Threshold does not cause replacement).
        var state = Existing(AllStacks);
        state["stacks"]!["desafio-dev-shared"]!["TemplateBody"]!["Resources"]!["DatabaseCpuAlarm"]!["Properties"]!["Threshold"] = 90;
        using var aws = new FakeAws(state);
        var (code, output, error) = aws.Run("deploy", Plan, "--image-tag", "backend=v2");
        Assert.True(code == 0, error);
        Assert.Equal(AllStacks, aws.Deploys.Select(StackOf));
        Assert.Contains("modified        DatabaseCpuAlarm (AWS::CloudWatch::Alarm)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRL60", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_checks_just_the_stack_it_deploys()
    {
        // The shared stack would lose its database, but a team deploying its app stack does not touch it.
        using var aws = new FakeAws(LiveDatabaseNamed("desafio-dev-old"));
        var (code, _, error) = aws.Run("deploy", Plan, "--only", "desafio-dev-app-backend", "--image-tag", "backend=v3");
        Assert.True(code == 0, error);
        Assert.Equal(["desafio-dev-app-backend"], aws.Calls.Where(c => c[1] == "get-template").Select(StackOf));
    }

    [Fact]
    public void A_live_stack_whose_template_cannot_be_read_is_not_deployed_over()
    {
        var state = Existing(AllStacks);
        ((JsonObject)state["stacks"]!["desafio-dev-edge"]!).Remove("TemplateBody");
        using var aws = new FakeAws(state);
        var (code, _, error) = aws.Run("deploy", Plan, "--image-tag", "backend=v2");
        Assert.Equal(1, code);
        Assert.Contains("cannot read the template stack desafio-dev-edge runs in sa-east-1", error, StringComparison.Ordinal);
        Assert.Empty(aws.Deploys);
    }

    /// <summary>Every fixture stack deployed, the shared stack's database with another identifier than the plan's.</summary>
    private static JsonObject LiveDatabaseNamed(string identifier)
    {
        var state = Existing(AllStacks);
        state["stacks"]!["desafio-dev-shared"]!["TemplateBody"]!["Resources"]!["DatabaseInstance"]!["Properties"]!["DBInstanceIdentifier"] = identifier;
        return state;
    }

    /// <summary>The fixture plan with the shared stack's deletion protection staged, as the compiler writes it for a resilient environment.</summary>
    private static string ProtectedSharedPlan(FakeAws aws) => aws.PlanVariant("protected", steps =>
    {
        var shared = steps.Single(s => s!["stack"]?.GetValue<string>() == "desafio-dev-shared")!;
        shared["parameters"]!["DeletionProtection"] = new JsonObject { ["value"] = "true", ["firstCreate"] = "false" };
    });

    /// <summary>A copy of the fixture plan whose edge step is marked too large to deploy inline, beside copies of its templates' names.</summary>
    private static string LargeEdgePlan(FakeAws aws)
    {
        var plan = JsonNode.Parse(File.ReadAllText(Plan))!;
        var edge = plan["steps"]!.AsArray().Single(s => s!["stack"]?.GetValue<string>() == "desafio-dev-edge")!;
        edge["templateBytes"] = 60000;
        edge["needsS3Upload"] = true;
        var copy = Path.Combine(aws.Folder, "large", "deploy-plan.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, plan.ToJsonString());
        return copy;
    }
}
