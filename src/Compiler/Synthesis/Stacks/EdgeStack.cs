using Trilho.Compiler.Emit;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>
/// <c>-edge</c>, in the environment's region: the CloudFront distribution and public DNS name of every app. Imports
/// the load balancer from the shared stack, each static app's bucket from its app stack, and the certificate and web
/// ACL from the global stack in <see cref="Regions.Global"/>.
/// </summary>
internal static class EdgeStack
{
    private const string DistributionIdOutput = "DistributionId";
    private const string DomainNameOutput = "DistributionDomainName";

    /// <summary>Adds the stack.</summary>
    public static EdgeOutputs Add(StackGraph graph, ResolvedEnvironment environment, GlobalOutputs? global, SharedApiOutputs? api, IReadOnlyList<StaticAppOutputs> statics)
    {
        // The distribution answers with each static app's own behaviour: it reads their spa and contentSecurityPolicy.
        var node = graph.Add(EmitNames.EdgeStack(environment), environment.Region, "CloudFront distribution and public DNS name of every app", inputs: StackInputs.EnvironmentAnd(nameof(ResolvedStaticApp.Spa), nameof(ResolvedStaticApp.ContentSecurityPolicy)));
        if (node.Replayed is not null)
        {
            return new EdgeOutputs(node.Output(DistributionIdOutput), node.Output(DomainNameOutput));
        }

        var host = EmitNames.PublicHost(environment);
        var origins = new EdgeOrigins(
            LoadBalancer: api is null ? null : new LoadBalancerOrigin(
                node.Import("LoadBalancerArn", api.LoadBalancerArn),
                node.Import("LoadBalancerDnsName", api.LoadBalancerDnsName),
                environment.Apps.OfType<ResolvedApiApp>().Select(a => a.Path).ToList()),
            StaticApps: statics.Select(s => new StaticOrigin(
                s.App.Id,
                s.App.Path,
                node.Import($"{EmitNames.Pascal(s.App.Id)}BucketName", s.BucketName),
                node.Import($"{EmitNames.Pascal(s.App.Id)}BucketRegionalDomainName", s.BucketRegionalDomainName),
                s.App.Spa,
                s.App.ContentSecurityPolicy)).ToList(),
            CertificateArn: Certificate(node, environment, host, global),
            WebAclArn: global?.WebAclArn is { } acl ? node.Import("WebAclArn", acl) : null);
        var edge = new Edge(node.Stack, "Edge", environment, origins);
        var distributionId = node.Export(DistributionIdOutput, edge.Distribution.DistributionId, "CloudFront distribution");
        var domainName = node.Export(DomainNameOutput, edge.Distribution.DistributionDomainName, "CloudFront's own name of the distribution");
        node.Export("Url", $"https://{host ?? edge.Distribution.DistributionDomainName}", "Public address of the apps");
        return new EdgeOutputs(distributionId, domainName);
    }

    // The certificate platform.yaml names, else the one the global stack created, else none (no domain).
    private static string? Certificate(StackNode node, ResolvedEnvironment environment, string? host, GlobalOutputs? global)
    {
        if (host is not null && environment.Ingress.CertificateArn is { } given)
        {
            return node.Parameter("CertificateArn", ParameterValue.Literal(given), $"{Regions.Global} certificate of the public name");
        }

        return global?.CertificateArn is { } created ? node.Import("CertificateArn", created) : null;
    }
}

/// <summary>What the edge stack exports for the edge logs, monitoring and delivery stacks.</summary>
internal sealed record EdgeOutputs(StackOutput DistributionId, StackOutput DistributionDomainName);
