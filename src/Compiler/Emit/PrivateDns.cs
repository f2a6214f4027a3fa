using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Route53;
using Constructs;

namespace Trilho.Compiler.Emit;

/// <summary>The private hosted zone attached to the VPC, with <c>&lt;hostname&gt;.&lt;zone&gt;</c> pointing at the database, so apps use a stable name instead of the RDS endpoint.</summary>
public sealed class PrivateDns : Construct
{
    /// <summary>Creates the zone and the database record.</summary>
    public PrivateDns(Construct scope, string id, IVpc vpc, string zoneName, string hostname, string databaseEndpoint)
        : base(scope, id)
    {
        var zone = new PrivateHostedZone(this, "Zone", new PrivateHostedZoneProps
        {
            ZoneName = zoneName,
            Vpc = vpc,
            Comment = "Private names of the platform; resolvable only inside its VPC",
        });

        _ = new CnameRecord(this, "Database", new CnameRecordProps
        {
            Zone = zone,
            RecordName = hostname,
            DomainName = databaseEndpoint,
            // Short TTL: after a Multi-AZ failover the endpoint name stays, but clients should not cache for long.
            Ttl = Duration.Seconds(60),
        });
    }
}
