namespace Trilho.Compiler.Emit;

/// <summary>Everything the edge stack puts behind the distribution.</summary>
/// <param name="LoadBalancer">The load balancer, or null without api apps.</param>
/// <param name="StaticApps">The static apps' buckets, in app id order.</param>
/// <param name="CertificateArn">us-east-1 certificate for the public name, or null without a domain.</param>
/// <param name="WebAclArn">CLOUDFRONT-scope web ACL, or null with the firewall off.</param>
public sealed record EdgeOrigins(LoadBalancerOrigin? LoadBalancer, IReadOnlyList<StaticOrigin> StaticApps, string? CertificateArn, string? WebAclArn);
