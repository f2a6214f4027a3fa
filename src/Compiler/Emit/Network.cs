using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>The VPC: public subnets (NAT gateways or NAT instances only), private subnets (load balancer and tasks), isolated subnets (database), flow logs.</summary>
public sealed class Network : Construct
{
    /// <summary>Builds the VPC of <paramref name="network"/>.</summary>
    public Network(Construct scope, string id, ResolvedNetwork network, IKey logsKey, RemovalPolicy logRemoval)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(network);
        var flowLogs = new LogGroup(this, "FlowLogs", new LogGroupProps
        {
            Retention = LogRetention.AtLeast(network.FlowLogRetentionDays),
            EncryptionKey = logsKey,
            RemovalPolicy = logRemoval,
        });

        var natInstances = network.Egress == Egress.NatInstance ? NatInstances.Provider() : null;
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr(network.Cidr),
            MaxAzs = network.AvailabilityZones,
            NatGateways = network.Nats,
            NatGatewayProvider = natInstances ?? NatProvider.Gateway(),
            // The default adds a Lambda-backed custom resource; nothing here uses the default group instead.
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration =
            [
                // Public subnets hold only NAT gateways or instances (and the internet gateway CloudFront VPC origins require).
                new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24, MapPublicIpOnLaunch = false },
                new SubnetConfiguration { Name = "Private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
            FlowLogs = new Dictionary<string, IFlowLogOptions>
            {
                ["FlowLog"] = new FlowLogOptions
                {
                    Destination = FlowLogDestination.ToCloudWatchLogs(flowLogs),
                    TrafficType = FlowLogTrafficType.ALL,
                },
            },
        });

        if (natInstances is not null)
        {
            NatInstances.Harden(Vpc, natInstances);
        }

        // Image layers come from S3: a free gateway endpoint keeps that traffic off the NAT.
        Vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
    }

    /// <summary>The VPC.</summary>
    public Vpc Vpc { get; }
}
