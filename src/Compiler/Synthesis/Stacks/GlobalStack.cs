using Trilho.Compiler.Emit;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis.Caching;

namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>
/// <c>-global</c>, in <see cref="Regions.Global"/> and only when needed: the certificate of the public name (unless
/// platform.yaml gives one) and the CLOUDFRONT-scope web ACL. Imports nothing.
/// </summary>
internal static class GlobalStack
{
    private const string CertificateOutput = "CertificateArn";
    private const string WebAclOutput = "WebAclArn";

    /// <summary>Adds the stack when the environment needs it; null otherwise.</summary>
    public static GlobalOutputs? Add(StackGraph graph, ResolvedEnvironment environment)
    {
        var createCertificate = EmitNames.PublicHost(environment) is not null && environment.Ingress.CertificateArn is null;
        if (!createCertificate && !environment.Ingress.Firewall)
        {
            return null;
        }

        var node = graph.Add(EmitNames.GlobalStack(environment), Regions.Global, $"What CloudFront needs in {Regions.Global}: certificate and web ACL", inputs: StackInputs.Environment);
        if (node.Replayed is not null)
        {
            return new GlobalOutputs(createCertificate ? node.Output(CertificateOutput) : null, environment.Ingress.Firewall ? node.Output(WebAclOutput) : null);
        }

        var apiPaths = environment.Apps.OfType<ResolvedApiApp>().Select(a => a.Path).ToList();
        var edge = new GlobalEdge(node.Stack, "Edge", environment, createCertificate, environment.Ingress.Firewall, apiPaths);
        var certificate = edge.Certificate is { } created ? node.Export(CertificateOutput, created.CertificateArn, "Certificate of the public name") : null;
        var webAcl = edge.WebAcl is { } acl ? node.Export(WebAclOutput, acl.AttrArn, "Web ACL attached to the distribution") : null;
        return new GlobalOutputs(certificate, webAcl);
    }
}

/// <summary>What the global stack exports.</summary>
/// <param name="CertificateArn">The certificate it created, or null when platform.yaml gives one or there is no domain.</param>
/// <param name="WebAclArn">The web ACL, or null without <c>ingress.firewall</c>.</param>
internal sealed record GlobalOutputs(StackOutput? CertificateArn, StackOutput? WebAclArn);
