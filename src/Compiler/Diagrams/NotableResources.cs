using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>
/// Which CloudFormation types the diagram draws, in the order it draws them inside a stack, and their labels. Chosen by
/// type, not by stack, so a new stack's resources appear without touching the diagram. Plumbing (route tables,
/// subnets, policies, log groups, target groups) is left out: it is in the templates, not in the picture.
/// </summary>
public static class NotableResources
{
    private static readonly (string Type, Func<JsonObject, string?> Label)[] Table =
    [
        ("AWS::CloudFront::Distribution", _ => "CloudFront distribution"),
        ("AWS::CloudFront::Function", _ => "CloudFront function"),
        ("AWS::CloudFront::OriginAccessControl", _ => "origin access control"),
        ("AWS::CloudFront::VpcOrigin", _ => "CloudFront VPC origin"),
        ("AWS::WAFv2::WebACL", _ => "WAF web ACL"),
        ("AWS::CertificateManager::Certificate", _ => "ACM certificate"),
        ("AWS::Route53::HostedZone", p => p["VPCs"] is null ? "Route 53 public zone" : "Route 53 private zone"),
        ("AWS::Route53::RecordSet", p => Text(p, "Name") is { } name ? $"DNS {name.TrimEnd('.')}" : "Route 53 records"),
        ("AWS::Route53::HealthCheck", _ => "Route 53 health check"),
        ("AWS::EC2::VPC", p => $"VPC {Text(p, "CidrBlock")}".TrimEnd()),
        ("AWS::EC2::NatGateway", _ => "NAT gateway"),

        // The only EC2 instances Trilho emits do NAT (the natInstance egress).
        ("AWS::EC2::Instance", _ => "NAT instance"),
        ("AWS::EC2::VPCEndpoint", p => $"VPC {Text(p, "VpcEndpointType")?.ToLowerInvariant() ?? "interface"} endpoint"),
        ("AWS::EC2::SecurityGroup", _ => "security group"),
        ("AWS::EC2::FlowLog", _ => "VPC flow log"),
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", p => $"{Text(p, "Scheme") ?? "internet-facing"} ALB"),
        ("AWS::ECS::Cluster", _ => "ECS cluster"),
        ("AWS::ECS::Service", p => Text(p, "LaunchType") == "FARGATE" ? "ECS Fargate service" : "ECS service"),
        ("AWS::ApplicationAutoScaling::ScalingPolicy", _ => "target tracking policy"),
        ("AWS::RDS::DBInstance", p => $"RDS {Text(p, "Engine") ?? "database"} instance"),
        ("AWS::RDS::DBCluster", p => $"RDS {Text(p, "Engine") ?? "database"} cluster"),
        ("AWS::S3::Bucket", _ => "S3 bucket"),
        ("AWS::ECR::Repository", _ => "ECR repository"),
        ("AWS::SecretsManager::Secret", _ => "Secrets Manager secret"),
        ("AWS::KMS::Key", _ => "KMS key"),
        ("AWS::SNS::Topic", _ => "SNS topic"),
        ("AWS::CloudWatch::Dashboard", _ => "CloudWatch dashboard"),
        ("AWS::CloudWatch::Alarm", _ => "CloudWatch alarm"),
        ("AWS::CloudWatch::CompositeAlarm", _ => "composite alarm"),
        ("AWS::Synthetics::Canary", _ => "Synthetics canary"),
        ("AWS::IAM::OIDCProvider", _ => "IAM OIDC provider"),
        ("AWS::IAM::Role", p => TrustsWebIdentity(p) ? "OIDC deploy role" : TrustsService(p, "cloudformation.amazonaws.com") ? "CloudFormation execution role" : null),
        ("AWS::Lambda::Function", _ => "Lambda function"),
    ];

    /// <summary>The label of <paramref name="resource"/>'s node, or null when the diagram leaves it out.</summary>
    public static string? Label(ResourceRef resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var index = Rank(resource.Type);
        return index < 0 ? null : Table[index].Label(resource.Properties);
    }

    /// <summary>Drawing order of <paramref name="type"/> inside a stack; -1 when not drawn.</summary>
    public static int Rank(string type) => Array.FindIndex(Table, row => row.Type == type);

    private static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool TrustsWebIdentity(JsonObject properties) =>
        Statements(properties).Any(s => s["Action"]?.ToJsonString().Contains("sts:AssumeRoleWithWebIdentity", StringComparison.Ordinal) == true);

    private static bool TrustsService(JsonObject properties, string service) =>
        Statements(properties).Any(s => s["Principal"]?["Service"]?.ToJsonString().Contains(service, StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Statements(JsonObject properties) =>
        (properties["AssumeRolePolicyDocument"]?["Statement"] as JsonArray ?? []).OfType<JsonObject>();
}
