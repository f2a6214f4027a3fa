namespace Trilho.Compiler.Emit;

/// <summary>The internal load balancer as the edge stack receives it.</summary>
/// <param name="Arn">Load balancer ARN, for the VPC origin.</param>
/// <param name="DnsName">Load balancer DNS name, the origin domain.</param>
/// <param name="ApiPaths">Paths of the api apps behind it.</param>
public sealed record LoadBalancerOrigin(string Arn, string DnsName, IReadOnlyList<string> ApiPaths);
