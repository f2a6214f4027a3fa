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

    /// <summary>
    /// RDS refuses to delete a DB instance with deletion protection and ELB a protected load balancer, so a rollback of
    /// the create that made them ends in ROLLBACK_FAILED, and the instance's fixed identifier then blocks every retry.
    /// Each such switch is evaluated as CloudFormation would with the parameter values the deploy plan passes: off on
    /// a first create, on for every deploy after it (and for a deploy that passes nothing: the template default).
    /// </summary>
    [Fact]
    public void Nothing_that_refuses_deletion_is_protected_while_the_deploy_plan_first_creates_its_stack()
    {
        var protectedLater = new List<string>();
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            foreach (var stack in plan.Stacks)
            {
                var template = Template.Of(stack);
                var firstCreate = ParameterValues(template, first: true);
                var later = ParameterValues(template, first: false);
                var defaults = ParameterValues(template, first: false, plainDeploy: true);
                foreach (var (id, name, expression) in ProtectionSwitches(template))
                {
                    var label = $"{stack.StackName}/{id} {name}";
                    Assert.False(Evaluate(template, expression, firstCreate), $"{label} is on during the first create");
                    if (Evaluate(template, expression, later))
                    {
                        protectedLater.Add(label);
                        Assert.True(Evaluate(template, expression, defaults), $"{label}: a deploy that omits the parameter must keep protection on");
                    }
                }
            }
        }

        // Not vacuous: the resilient environment's database and load balancer are protected once created.
        Assert.Contains(protectedLater, l => l.StartsWith("desafio-prod-shared/Database", StringComparison.Ordinal) && l.EndsWith("DeletionProtection", StringComparison.Ordinal));
        Assert.Contains(protectedLater, l => l.StartsWith("desafio-prod-shared/LoadBalancer", StringComparison.Ordinal) && l.EndsWith("deletion_protection.enabled", StringComparison.Ordinal));
    }

    /// <summary>Every deletion-protection switch of a type whose service refuses to delete a protected resource.</summary>
    private static IEnumerable<(string Id, string Name, JsonNode? Expression)> ProtectionSwitches(Template template)
    {
        foreach (var (id, resource) in template.ResourcesSection.Select(r => (r.Key, r.Value!.AsObject())))
        {
            var properties = resource["Properties"] as JsonObject;
            switch (resource["Type"]!.GetValue<string>())
            {
                case "AWS::RDS::DBInstance" or "AWS::RDS::DBCluster":
                    yield return (id, "DeletionProtection", properties?["DeletionProtection"]);
                    break;
                case "AWS::ElasticLoadBalancingV2::LoadBalancer":
                    var attribute = (properties?["LoadBalancerAttributes"] as JsonArray ?? []).FirstOrDefault(a => a!["Key"]!.GetValue<string>() == "deletion_protection.enabled");
                    yield return (id, "deletion_protection.enabled", attribute?["Value"]);
                    break;
            }
        }
    }

    /// <summary>
    /// Parameter values as the deploy plan passes them: literals, with a first create's value when <paramref name="first"/>;
    /// with <paramref name="plainDeploy"/>, a plain <c>aws cloudformation deploy</c> that passes none (template defaults).
    /// </summary>
    private static Dictionary<string, string> ParameterValues(Template template, bool first, bool plainDeploy = false)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, declaration) in template.Root["Parameters"] as JsonObject ?? [])
        {
            if (declaration?["Default"] is JsonValue fallback)
            {
                values[name] = fallback.ToString();
            }
        }

        if (!plainDeploy)
        {
            foreach (var (name, source) in template.Stack.Parameters.Where(p => p.Value.Value is not null))
            {
                values[name] = first && source.FirstCreate is { } firstValue ? firstValue : source.Value!;
            }
        }

        return values;
    }

    /// <summary>A boolean property as CloudFormation resolves it: a literal, a Ref to a "true"/"false" parameter, or Fn::If on a condition.</summary>
    private static bool Evaluate(Template template, JsonNode? node, Dictionary<string, string> parameters) => node switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v => bool.Parse(v.GetValue<string>()),
        JsonObject o when o["Ref"] is { } r => bool.Parse(parameters[r.GetValue<string>()]),
        JsonObject o when o["Fn::If"] is JsonArray branches => Evaluate(template, Condition(template, template.Root["Conditions"]![branches[0]!.GetValue<string>()], parameters) ? branches[1] : branches[2], parameters),
        _ => throw new InvalidOperationException($"cannot evaluate {node.ToJsonString()}"),
    };

    private static bool Condition(Template template, JsonNode? node, Dictionary<string, string> parameters) => node switch
    {
        JsonObject o when o["Fn::Equals"] is JsonArray pair => Text(pair[0], parameters) == Text(pair[1], parameters),
        JsonObject o when o["Fn::Not"] is JsonArray inner => !Condition(template, inner[0], parameters),
        JsonObject o when o["Condition"] is { } named => Condition(template, template.Root["Conditions"]![named.GetValue<string>()], parameters),
        _ => throw new InvalidOperationException($"cannot evaluate condition {node?.ToJsonString()}"),
    };

    private static string Text(JsonNode? node, Dictionary<string, string> parameters) =>
        node is JsonObject o && o["Ref"] is { } r ? parameters[r.GetValue<string>()] : node!.GetValue<string>();

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
