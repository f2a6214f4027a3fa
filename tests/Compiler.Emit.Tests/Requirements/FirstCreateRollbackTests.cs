using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// A failed first deploy can be retried (issue 12, defect 5). When the stack operation that CREATED a resource is
/// rolled back, CloudFormation deletes it unless its DeletionPolicy is <c>Retain</c>; <c>RetainExceptOnCreate</c>
/// deletes it, <c>Snapshot</c> deletes it after a snapshot
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html). A resource
/// kept with a fixed physical name makes the next attempt fail with "already exists".
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class FirstCreateRollbackTests(SynthesisFixture fixture)
{
    // Properties that give a resource its physical name, beyond "<Type>Name" and "Name" (checked for every type).
    private static readonly Dictionary<string, string[]> NameProperties = new(StringComparer.Ordinal)
    {
        ["AWS::RDS::DBInstance"] = ["DBInstanceIdentifier"],
        ["AWS::RDS::DBCluster"] = ["DBClusterIdentifier"],
        ["AWS::KMS::Alias"] = ["AliasName"],
        ["AWS::SecretsManager::Secret"] = ["Name"],
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = ["Name"],
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = ["Name"],
        ["AWS::Events::Rule"] = ["Name"],
        ["AWS::CloudWatch::Alarm"] = ["AlarmName"],
        ["AWS::CloudWatch::CompositeAlarm"] = ["AlarmName"],
    };

    [Fact]
    public void No_resource_with_a_fixed_name_survives_the_rollback_of_the_create_that_made_it()
    {
        var named = new List<string>();
        var leftBehind = new List<string>();
        foreach (var template in fixture.AllTemplates())
        {
            foreach (var (id, resource) in template.ResourcesSection.Select(r => (r.Key, r.Value!.AsObject())))
            {
                var type = resource["Type"]!.GetValue<string>();
                var name = PhysicalName(type, resource["Properties"] as JsonObject);
                if (name is null)
                {
                    continue;
                }

                named.Add($"{template.Name}/{id}");
                if (KeptAfterCreateRollback(resource))
                {
                    leftBehind.Add($"{template.Name}/{id} ({type} {name}): DeletionPolicy {resource["DeletionPolicy"]}");
                }
            }
        }

        // Not vacuous: the image repositories and the prod database's log groups have fixed names.
        Assert.Contains(named, n => n.Contains("ImagesBackend", StringComparison.Ordinal));
        Assert.Contains(named, n => n.StartsWith("desafio-prod-shared/DatabasePostgresqlLogs", StringComparison.Ordinal));
        Assert.True(leftBehind.Count == 0, "kept by a failed first create, so the retry fails with 'already exists':\n" + string.Join("\n", leftBehind));
    }

    [Fact]
    public void Image_repositories_and_the_prod_database_logs_are_still_kept_on_stack_delete_and_replacement()
    {
        var shared = fixture.Stack("desafio-aws", "prod", "shared");
        var kept = shared.Resources("AWS::ECR::Repository").Concat(shared.Resources("AWS::Logs::LogGroup").Where(l => l.Resource["Properties"]?["LogGroupName"]?.ToString().StartsWith("/aws/rds/", StringComparison.Ordinal) == true)).ToList();
        Assert.Equal(3, kept.Count);
        Assert.All(kept, r =>
        {
            Assert.Equal("RetainExceptOnCreate", r.Resource["DeletionPolicy"]?.GetValue<string>());
            // UpdateReplacePolicy has no RetainExceptOnCreate: Retain keeps the old one when a change replaces it.
            Assert.Equal("Retain", r.Resource["UpdateReplacePolicy"]?.GetValue<string>());
        });
    }

    /// <summary>The fixed physical name of a resource, when its template sets one.</summary>
    private static string? PhysicalName(string type, JsonObject? properties)
    {
        if (properties is null)
        {
            return null;
        }

        var candidates = (NameProperties.TryGetValue(type, out var known) ? known : []).Append(type.Split("::")[^1] + "Name").Append("Name");
        return candidates.Select(c => properties[c]).FirstOrDefault(v => v is not null)?.ToJsonString();
    }

    private static bool KeptAfterCreateRollback(JsonObject resource) =>
        resource["DeletionPolicy"]?.GetValue<string>() == "Retain";
}
