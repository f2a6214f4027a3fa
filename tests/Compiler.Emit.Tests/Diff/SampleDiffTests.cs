using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Emit.Tests.Diff;

/// <summary>
/// <c>trilho diff</c> over real pairs of compiled outputs of the sample: the dev environment before and after an edit of
/// platform.yaml, judged with AWS's documented replacement behaviour (@aws-cdk/aws-service-spec).
/// </summary>
public sealed class SampleDiffTests(SampleVariants variants) : IClassFixture<SampleVariants>
{
    private const string Zone = "desafio-dev-shared/PrivateDnsZoneA266C539";

    private static string OtherDomain(string text) => text.Replace("domain: dev.desafio.example.com", "domain: dev2.desafio.example.com", StringComparison.Ordinal);

    [Fact]
    public void A_new_domain_replaces_the_private_hosted_zone_and_fails()
    {
        var (code, output) = Run(variants.Original, variants.Compile("domain", OtherDomain));

        Assert.Equal(1, code);
        // AWS::Route53::HostedZone Name: "Update requires: Replacement"
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-route53-hostedzone.html).
        Assert.Contains("REPLACED        PrivateDnsZoneA266C539 (AWS::Route53::HostedZone)  [stateful]", output, StringComparison.Ordinal);
        Assert.Contains("      Name: replacement yes", output, StringComparison.Ordinal);
        Assert.Contains($"trilho: error TRL6001: {Zone} (AWS::Route53::HostedZone) would be REPLACED: Name changes", output, StringComparison.Ordinal);
        // Not stateful: replaced, reported, not an error.
        Assert.Contains("REPLACED        EdgeCertificateE929CC3D (AWS::CertificateManager::Certificate)", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains(" error TRL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledged_replacement_passes_and_is_reported_as_acknowledged()
    {
        var acknowledged = variants.Compile("domain-acknowledged", text => OtherDomain(text).Replace(
            "    ingress: { hostedZoneId: Z0EXAMPLEDEV01 }\n",
            $"    ingress: {{ hostedZoneId: Z0EXAMPLEDEV01 }}\n    acknowledgedReplacements: [{Zone}]\n",
            StringComparison.Ordinal));
        Assert.Equal([Zone], EnvironmentDiff.ReadAcknowledged(acknowledged));

        var (code, output) = Run(variants.Original, acknowledged);

        Assert.Equal(0, code);
        Assert.Contains("PrivateDnsZoneA266C539 (AWS::Route53::HostedZone)  [stateful, acknowledged]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRL6001", output, StringComparison.Ordinal);

        // The same acknowledgement left in place after the deploy matches nothing: a warning, so it gets removed.
        var (again, stale) = Run(acknowledged, acknowledged);
        Assert.Equal(0, again);
        Assert.Contains($"trilho: warning TRL6004: environments.dev.acknowledgedReplacements lists '{Zone}'", stale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replaced_database_identifier_fails_with_the_property()
    {
        // A live stack (templates from aws cloudformation get-template beside the plan) whose instance was created
        // under another identifier, e.g. by hand or by an older naming scheme; everything else is the compiled sample.
        var live = Path.Combine(Path.GetTempPath(), "trilho-diff-live-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(variants.Original, live);
            var shared = Path.Combine(live, "desafio-dev-shared.template.json");
            var template = JsonNode.Parse(File.ReadAllText(shared))!;
            template["Resources"]!["DatabaseInstance02E622FB"]!["Properties"]!["DBInstanceIdentifier"] = "desafio-dev-database";
            File.WriteAllText(shared, template.ToJsonString());

            var (code, output) = Run(live, variants.Original);

            Assert.Equal(1, code);
            Assert.Contains("REPLACED        DatabaseInstance02E622FB (AWS::RDS::DBInstance)  [stateful]", output, StringComparison.Ordinal);
            Assert.Contains("      DBInstanceIdentifier: replacement yes", output, StringComparison.Ordinal);
            Assert.Contains("trilho: error TRL6001: desafio-dev-shared/DatabaseInstance02E622FB (AWS::RDS::DBInstance) would be REPLACED: DBInstanceIdentifier changes", output, StringComparison.Ordinal);
            // The DNS record and the roles task read the instance's endpoint: their values change with it.
            Assert.Contains("ResourceRecords[0]: replacement no (refers to DatabaseInstance02E622FB, which is replaced)", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }

    [Fact]
    public void A_major_version_upgrade_replaces_the_parameter_group_and_may_replace_the_database()
    {
        var (code, output) = Run(variants.Original, variants.Compile("postgres-17", text => text.Replace("version: \"16\"", "version: \"17\"", StringComparison.Ordinal)));

        // The family of a parameter group cannot change in place (Family: Replacement); the instance is updated in
        // place (EngineVersion: no) but its DBParameterGroupName now names the new group, a "Conditional" property.
        Assert.Equal(0, code);
        Assert.Contains("REPLACED        DatabaseParametersF882294D (AWS::RDS::DBParameterGroup)", output, StringComparison.Ordinal);
        Assert.Contains("      Family: replacement yes", output, StringComparison.Ordinal);
        Assert.Contains("MAYBE REPLACED  DatabaseInstance02E622FB (AWS::RDS::DBInstance)  [stateful]", output, StringComparison.Ordinal);
        Assert.Contains("      EngineVersion: replacement no", output, StringComparison.Ordinal);
        Assert.Contains("      DBParameterGroupName: replacement maybe (refers to DatabaseParametersF882294D, which is replaced)", output, StringComparison.Ordinal);
        Assert.Contains("trilho: warning TRL6003: desafio-dev-shared/DatabaseInstance02E622FB", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_scale_maximum_changes_in_place_and_passes()
    {
        var (code, output) = Run(variants.Original, variants.Compile("scale", text => text.Replace("scale: { min: 1, max: 4,", "scale: { min: 1, max: 6,", StringComparison.Ordinal)));

        Assert.Equal(0, code);
        Assert.Contains("(AWS::ApplicationAutoScaling::ScalableTarget)", output, StringComparison.Ordinal);
        Assert.Contains("      MaxCapacity: replacement no", output, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACED", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" TRL6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_environment_removes_every_stack_and_deletes_the_database()
    {
        var renamed = variants.Compile("staging", text => text
            .Replace("  dev:\n    account:", "  staging:\n    account:", StringComparison.Ordinal)
            .Replace("environments: [dev, prod]", "environments: [staging, prod]", StringComparison.Ordinal), "staging");

        var (code, output) = Run(variants.Original, renamed);

        Assert.Equal(1, code);
        Assert.Contains("stack desafio-dev-shared (sa-east-1): REMOVED from the plan; deleting it deletes", output, StringComparison.Ordinal);
        Assert.Contains("stack desafio-staging-shared (sa-east-1): ADDED with", output, StringComparison.Ordinal);
        Assert.Contains(
            "trilho: error TRL6002: desafio-dev-shared/DatabaseInstance02E622FB (AWS::RDS::DBInstance) would be DELETED: its stack desafio-dev-shared is gone from the plan, and desafio-staging-shared creates a new, empty one in its place",
            output,
            StringComparison.Ordinal);
        Assert.Contains("error TRL6002: desafio-dev-app-backend/", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_platform_removes_every_stack_and_deletes_the_database()
    {
        var renamed = variants.Compile("platform-renamed", text => text.Replace("platform: desafio\n", "platform: desafio2\n", StringComparison.Ordinal));

        var (code, output) = Run(variants.Original, renamed);

        Assert.Equal(1, code);
        var lines = output.Split('\n');
        var removed = lines.Where(l => l.StartsWith("stack desafio-dev-", StringComparison.Ordinal) && l.Contains("REMOVED from the plan", StringComparison.Ordinal)).ToList();
        var added = lines.Where(l => l.StartsWith("stack desafio2-dev-", StringComparison.Ordinal) && l.Contains(": ADDED with", StringComparison.Ordinal)).ToList();
        // Every stack of the plan is named after the platform: all of them go, as many new ones come.
        var stacks = Diagrams.CompiledEnvironment.Load(variants.Original).Stacks.Count;
        Assert.True(stacks > 5 && removed.Count == stacks && added.Count == stacks, output);
        Assert.DoesNotContain("unchanged:", output, StringComparison.Ordinal);
        Assert.Contains(
            "trilho: error TRL6002: desafio-dev-shared/DatabaseInstance02E622FB (AWS::RDS::DBInstance) would be DELETED: its stack desafio-dev-shared is gone from the plan, and desafio2-dev-shared creates a new, empty one in its place",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_latency_objective_changes_alarm_thresholds_in_place_and_passes()
    {
        var (code, output) = Run(variants.Original, variants.Compile("latency", text => text.Replace("latencyP95Ms: 400 }", "latencyP95Ms: 600 }", StringComparison.Ordinal)));

        Assert.True(code == 0, output);
        // AWS::CloudWatch::Alarm Threshold: "Update requires: No interruption"
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html).
        Assert.Matches(@"modified        \w+ \(AWS::CloudWatch::Alarm\)", output);
        Assert.Contains("      Threshold: replacement no", output, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("REMOVED", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" TRL6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_app_removes_its_stacks_and_deletes_its_bucket()
    {
        var removed = variants.Compile("no-frontend", RemoveFrontend);

        var (code, output) = Run(variants.Original, removed);

        Assert.Equal(1, code);
        Assert.Contains("stack desafio-dev-app-frontend (sa-east-1): REMOVED from the plan", output, StringComparison.Ordinal);
        Assert.Matches(@"error TRL6002: desafio-dev-app-frontend/\w+ \(AWS::S3::Bucket\) would be DELETED: its stack desafio-dev-app-frontend is gone from the plan", output);
    }

    [Fact]
    public void An_added_app_only_adds_and_passes()
    {
        var (code, output) = Run(variants.Compile("no-frontend", RemoveFrontend), variants.Original);

        Assert.Equal(0, code);
        Assert.Contains("stack desafio-dev-app-frontend (sa-east-1): ADDED with", output, StringComparison.Ordinal);
        Assert.DoesNotContain("REMOVED", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" error ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_output_has_no_changes()
    {
        var (code, output) = Run(variants.Original, variants.Original);

        Assert.Equal(0, code);
        Assert.Contains($"unchanged: {Diagrams.CompiledEnvironment.Load(variants.Original).Stacks.Count} stacks", output, StringComparison.Ordinal);
        Assert.Contains("trilho diff: no resource changes;", output, StringComparison.Ordinal);
    }

    private static string RemoveFrontend(string text)
    {
        var start = text.IndexOf("  frontend:\n    type: static", StringComparison.Ordinal);
        var end = text.IndexOf("\ndatabase:", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);
        return text[..start] + text[end..].TrimStart('\n').Insert(0, "\n");
    }

    private static (int Code, string Output) Run(string before, string after)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["diff", before, after], stdout, stderr);
        Assert.True(code is 0 or 1, stderr.ToString());
        return (code, stdout.ToString());
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
