using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>Network settings of one environment.</summary>
public sealed record NetworkSpec
{
    /// <summary>How tasks in the private subnets reach the internet (image pulls, logs, secrets, the apps' own calls): `natGateway` (managed NAT gateway, about USD 33/month each in us-east-1 and 68 in sa-east-1, plus USD 0.045-0.093 per GB processed; highly available within its zone) or `natInstance` (a t4g.nano instance, about USD 8-10/month with its disk and public address, no per-GB charge; one instance to replace when Amazon Linux publishes a new image, which interrupts outbound traffic for a few minutes during that deploy, and burstable bandwidth, enough for development). Either way nothing inbound from the internet reaches the private subnets. Default: `natInstance` in `economy` (one), `natGateway` in `resilient` (one per zone).</summary>
    [ProfileDefault(nameof(ProfileDefaults.Egress))]
    public Egress? Egress { get; init; }
}
