using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// The quotas CloudFormation and the services enforce only at deploy time, checked on each synthesized template so that a
/// value platform.yaml makes too long or too many is a diagnostic at compile time, not a failed deploy. Sources:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html (template size, resources,
/// parameters, outputs, descriptions) and each resource type's page in the CloudFormation reference (name lengths).
/// </summary>
internal static class TemplateLimits
{
    /// <summary>Largest template body CloudFormation accepts (uploaded through S3).</summary>
    public const int MaxTemplateBytes = 1_000_000;

    public const int MaxResources = 500;

    public const int MaxParameters = 200;

    public const int MaxOutputs = 200;

    // Literal string properties whose length AWS limits; values built with intrinsic functions are resolved at deploy time and skipped.
    private static readonly (string Type, string Property, int Max)[] Lengths =
    [
        ("AWS::CloudWatch::Alarm", "AlarmName", 255),
        ("AWS::CloudWatch::Alarm", "AlarmDescription", 1024),
        ("AWS::CloudWatch::CompositeAlarm", "AlarmName", 255),
        ("AWS::CloudWatch::CompositeAlarm", "AlarmDescription", 1024),
        ("AWS::CloudWatch::Dashboard", "DashboardName", 255),
        ("AWS::Logs::LogGroup", "LogGroupName", 512),
        ("AWS::ElasticLoadBalancingV2::TargetGroup", "Name", 32),
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name", 32),
        ("AWS::SNS::Topic", "TopicName", 256),
        ("AWS::SNS::Topic", "DisplayName", 100),
        ("AWS::IAM::Role", "RoleName", 64),
        ("AWS::IAM::ManagedPolicy", "ManagedPolicyName", 128),
        ("AWS::ECR::Repository", "RepositoryName", 256),
        ("AWS::ECS::Cluster", "ClusterName", 255),
        ("AWS::ECS::Service", "ServiceName", 255),
        ("AWS::ECS::TaskDefinition", "Family", 255),
        ("AWS::CloudFront::Function", "Name", 64),
        ("AWS::WAFv2::WebACL", "Name", 128),
        ("AWS::RDS::DBInstance", "DBInstanceIdentifier", 63),
    ];

    /// <summary>
    /// Every quota <paramref name="stack"/> breaks, each reported at <paramref name="at"/>, or, for a text too long, at the
    /// line <paramref name="valueAt"/> finds for the written value it was built from.
    /// </summary>
    public static IEnumerable<Diagnostic> Check(StackTemplate stack, SourceLocation? at, Func<string, SourceLocation?>? valueAt = null)
    {
        SourceLocation? At(string text) => valueAt?.Invoke(text) ?? at;

        if (stack.TemplateBytes > MaxTemplateBytes)
        {
            yield return DiagnosticCatalog.TemplateTooLarge.Create(at, stack.StackName, stack.TemplateBytes, MaxTemplateBytes);
        }

        var template = JsonNode.Parse(stack.Template)!.AsObject();
        foreach (var (section, noun, max) in new[] { ("Resources", "resources", MaxResources), ("Parameters", "parameters", MaxParameters), ("Outputs", "outputs", MaxOutputs) })
        {
            var count = (template[section] as JsonObject)?.Count ?? 0;
            if (count > max)
            {
                yield return DiagnosticCatalog.TemplateTooManyEntries.Create(at, stack.StackName, count, noun, max);
            }
        }

        if (Text(template["Description"]) is { Length: > 1024 } description)
        {
            yield return DiagnosticCatalog.ValueTooLong.Create(At(description), stack.StackName, "Description", "template", stack.StackName, description.Length, 1024);
        }

        foreach (var (section, max) in new[] { ("Parameters", 4000), ("Outputs", 1024) })
        {
            foreach (var (name, entry) in template[section] as JsonObject ?? [])
            {
                if (Text(entry?["Description"]) is { } text && text.Length > max)
                {
                    yield return DiagnosticCatalog.ValueTooLong.Create(At(text), stack.StackName, "Description", section[..^1].ToLowerInvariant(), name, text.Length, max);
                }
            }
        }

        foreach (var (id, resource) in template["Resources"] as JsonObject ?? [])
        {
            var type = Text(resource?["Type"]);
            foreach (var (_, property, max) in Lengths.Where(l => l.Type == type))
            {
                if (Text(resource?["Properties"]?[property]) is { } value && value.Length > max)
                {
                    yield return DiagnosticCatalog.ValueTooLong.Create(At(value), stack.StackName, property, type, id, value.Length, max);
                }
            }
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
