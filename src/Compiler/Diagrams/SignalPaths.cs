using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>
/// Dotted arrows of monitoring: Route 53 health checks probing the distribution that answers on their name, and alarms
/// notifying the SNS topics in their <c>AlarmActions</c>. Read from the templates like the request path.
/// </summary>
public sealed class SignalPaths(CompiledEnvironment environment, DiagramNodes nodes)
{
    private readonly ReferenceResolver resolver = new(environment);

    private IEnumerable<ResourceRef> All(params string[] types) =>
        environment.Stacks.SelectMany(s => s.Resources.Select(r => new ResourceRef(s, r.Key))).Where(r => types.Contains(r.Type));

    /// <summary>The monitoring arrows, without duplicates, in a stable order.</summary>
    public IReadOnlyList<DiagramEdge> Edges() => [.. Probes().Concat(Notifications()).Distinct()];

    private IEnumerable<DiagramEdge> Probes()
    {
        var distributions = All("AWS::CloudFront::Distribution")
            .Select(d => (Distribution: d, Aliases: (d.Properties["DistributionConfig"]?["Aliases"] as JsonArray ?? []).Select(a => a?.ToString()).ToHashSet()))
            .ToList();
        foreach (var check in All("AWS::Route53::HealthCheck"))
        {
            var config = check.Properties["HealthCheckConfig"];
            var target = resolver.Resolve(check.Stack, config?["FullyQualifiedDomainName"])
                ?? distributions.FirstOrDefault(d => d.Aliases.Contains(config?["FullyQualifiedDomainName"]?.ToString())).Distribution;
            if (target is not null)
            {
                yield return new DiagramEdge(nodes.IdOf(check), nodes.IdOf(target), $"{config?["Type"]} probe", Dotted: true);
            }
        }
    }

    private IEnumerable<DiagramEdge> Notifications() =>
        All("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")
            .SelectMany(alarm => resolver.ResolveAll(alarm.Stack, alarm.Properties["AlarmActions"])
                .Where(target => target.Type == "AWS::SNS::Topic")
                .Select(topic => new DiagramEdge(nodes.IdOf(alarm), nodes.IdOf(topic), "notify", Dotted: true)));
}
