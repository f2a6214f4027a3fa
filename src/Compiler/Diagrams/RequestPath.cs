using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>
/// The solid arrows: how a request travels, read from the templates. Viewer to each CloudFront distribution (its
/// aliases); distribution to each origin (S3 bucket or VPC origin, labelled with the path patterns routed there); VPC
/// origin to its load balancer; load balancer to each ECS service (listener rule paths); service to database where a
/// security group rule admits it. Dotted: the image each service runs (plan <c>pushImages</c>) and what DNS records
/// point at (alias or record value).
/// </summary>
public sealed class RequestPath(CompiledEnvironment environment, DiagramNodes nodes)
{
    /// <summary>Mermaid id of the viewer node.</summary>
    public const string ViewerId = "viewer";

    private readonly ReferenceResolver resolver = new(environment);

    private IEnumerable<ResourceRef> All(string type) =>
        environment.Stacks.SelectMany(s => s.Resources.Select(r => new ResourceRef(s, r.Key))).Where(r => r.Type == type);

    /// <summary>The request path arrows, without duplicates, in a stable order.</summary>
    public IReadOnlyList<DiagramEdge> Edges() =>
        [.. Viewer().Concat(Origins()).Concat(VpcOrigins()).Concat(ListenerRules()).Concat(DatabaseAccess()).Concat(Images()).Concat(DnsRecords()).Distinct()];

    /// <summary>True when the environment has a distribution, so the viewer node is drawn.</summary>
    public bool HasViewer => All("AWS::CloudFront::Distribution").Any();

    private IEnumerable<DiagramEdge> Viewer() =>
        All("AWS::CloudFront::Distribution").Select(d =>
        {
            var aliases = (d.Properties["DistributionConfig"]?["Aliases"] as JsonArray ?? []).Select(a => a!.GetValue<string>());
            return new DiagramEdge(ViewerId, nodes.IdOf(d), string.Join(" ", ["HTTPS", .. aliases]), Dotted: false);
        });

    private IEnumerable<DiagramEdge> Origins()
    {
        foreach (var distribution in All("AWS::CloudFront::Distribution"))
        {
            var config = distribution.Properties["DistributionConfig"] as JsonObject ?? [];
            var behaviors = (config["CacheBehaviors"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var origin in (config["Origins"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var target = resolver.Resolve(distribution.Stack, origin["VpcOriginConfig"]?["VpcOriginId"])
                    ?? resolver.Resolve(distribution.Stack, origin["DomainName"]);
                if (target is null)
                {
                    continue;
                }

                var id = origin["Id"]?.GetValue<string>();
                var patterns = behaviors.Where(b => b["TargetOriginId"]?.GetValue<string>() == id).Select(b => b["PathPattern"]!.GetValue<string>()).ToList();
                yield return new DiagramEdge(nodes.IdOf(distribution), nodes.IdOf(target), patterns.Count > 0 ? string.Join(" ", patterns) : "default", Dotted: false);
            }
        }
    }

    private IEnumerable<DiagramEdge> VpcOrigins() =>
        All("AWS::CloudFront::VpcOrigin").Select(v =>
        {
            var endpoint = v.Properties["VpcOriginEndpointConfig"];
            var target = resolver.Resolve(v.Stack, endpoint?["Arn"]);
            var protocol = endpoint?["OriginProtocolPolicy"]?.GetValue<string>() ?? string.Empty;
            var port = protocol == "https-only" ? endpoint?["HTTPSPort"] : endpoint?["HTTPPort"];
            return target is null ? null : new DiagramEdge(nodes.IdOf(v), nodes.IdOf(target), $"{protocol} :{port}".Trim(), Dotted: false);
        }).OfType<DiagramEdge>();

    private IEnumerable<DiagramEdge> ListenerRules()
    {
        var services = All("AWS::ECS::Service").ToList();
        foreach (var rule in All("AWS::ElasticLoadBalancingV2::ListenerRule"))
        {
            var listener = resolver.Resolve(rule.Stack, rule.Properties["ListenerArn"]);
            var balancer = listener is null ? null : resolver.Resolve(listener.Stack, listener.Properties["LoadBalancerArn"]);
            if (balancer is null)
            {
                continue;
            }

            var groups = (rule.Properties["Actions"] as JsonArray ?? []).Select(a => resolver.Resolve(rule.Stack, a?["TargetGroupArn"])).OfType<ResourceRef>().ToHashSet();
            var paths = (rule.Properties["Conditions"] as JsonArray ?? [])
                .SelectMany(c => c?["PathPatternConfig"]?["Values"] as JsonArray ?? [])
                .Select(v => v!.GetValue<string>());
            foreach (var service in services.Where(s => resolver.ResolveAll(s.Stack, LoadBalancerTargets(s)).Any(groups.Contains)))
            {
                yield return new DiagramEdge(nodes.IdOf(balancer), nodes.IdOf(service), string.Join(" ", paths), Dotted: false);
            }
        }
    }

    private static JsonArray LoadBalancerTargets(ResourceRef service) =>
        [.. (service.Properties["LoadBalancers"] as JsonArray ?? []).Select(l => l?["TargetGroupArn"]?.DeepClone())];

    private IEnumerable<DiagramEdge> DatabaseAccess()
    {
        var databases = All("AWS::RDS::DBInstance").Concat(All("AWS::RDS::DBCluster"))
            .Select(db => (Database: db, Groups: resolver.ResolveAll(db.Stack, db.Properties["VPCSecurityGroups"] ?? db.Properties["VpcSecurityGroupIds"]).ToHashSet()))
            .ToList();
        var ingress = All("AWS::EC2::SecurityGroupIngress").ToList();
        foreach (var service in All("AWS::ECS::Service"))
        {
            var serviceGroups = resolver.ResolveAll(service.Stack, service.Properties["NetworkConfiguration"]?["AwsvpcConfiguration"]?["SecurityGroups"]).ToHashSet();
            foreach (var (database, databaseGroups) in databases)
            {
                var rule = ingress.FirstOrDefault(i =>
                    resolver.Resolve(i.Stack, i.Properties["GroupId"]) is { } to && databaseGroups.Contains(to)
                    && resolver.Resolve(i.Stack, i.Properties["SourceSecurityGroupId"]) is { } from && serviceGroups.Contains(from));
                if (rule is not null)
                {
                    yield return new DiagramEdge(nodes.IdOf(service), nodes.IdOf(database), $"{rule.Properties["IpProtocol"]} :{rule.Properties["FromPort"]}", Dotted: false);
                }
            }
        }
    }

    private IEnumerable<DiagramEdge> DnsRecords() =>
        All("AWS::Route53::RecordSet").Select(r =>
        {
            var alias = r.Properties["AliasTarget"]?["DNSName"];
            var target = resolver.Resolve(r.Stack, alias ?? r.Properties["ResourceRecords"]);
            var label = alias is null ? r.Properties["Type"]?.GetValue<string>() ?? string.Empty : "alias";
            return target is null ? null : new DiagramEdge(nodes.IdOf(r), nodes.IdOf(target), label, Dotted: true);
        }).OfType<DiagramEdge>();

    private IEnumerable<DiagramEdge> Images()
    {
        foreach (var image in environment.Images)
        {
            var uri = image["repositoryUri"] as JsonObject;
            var producer = environment.Stack(uri?["fromStack"]?.GetValue<string>() ?? string.Empty);
            var repository = producer is null ? null : resolver.Resolve(producer, producer.OutputValue(uri!["output"]?.GetValue<string>() ?? string.Empty));
            var consumer = environment.Stack(image["tagParameter"]?["stack"]?.GetValue<string>() ?? string.Empty);
            if (repository is null || consumer is null)
            {
                continue;
            }

            foreach (var service in All("AWS::ECS::Service").Where(s => s.Stack == consumer))
            {
                yield return new DiagramEdge(nodes.IdOf(repository), nodes.IdOf(service), "image", Dotted: true);
            }
        }
    }
}
