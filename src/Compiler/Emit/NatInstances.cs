using Amazon.CDK;
using Amazon.CDK.AWS.EC2;

namespace Trilho.Compiler.Emit;

/// <summary>
/// NAT instances for the <c>natInstance</c> egress (docs/decisions/0017-economy-egress.md): CDK's
/// <see cref="NatInstanceProviderV2"/> (Amazon Linux 2023 from the public SSM parameter, resolved at deploy time; user
/// source/destination check off), with our own user data (<see cref="NatUserData"/>) and hardened beyond CDK's defaults.
/// </summary>
public static class NatInstances
{
    /// <summary>Graviton, the smallest size: a few dollars a month; burstable CPU and bandwidth, enough for development.</summary>
    public const string InstanceType = "t4g.nano";

    /// <summary>Root volume, the size of the Amazon Linux 2023 image's snapshot; set explicitly so the estimate prices what is deployed.</summary>
    public const int RootVolumeGb = 8;

    /// <summary>The only port tasks may open outbound (their security groups allow 443 only), so the only one NAT forwards.</summary>
    public const int Port = 443;

    /// <summary>A provider whose security group admits nothing until <see cref="Harden"/> opens it to the private subnets.</summary>
    public static NatInstanceProviderV2 Provider() => NatProvider.InstanceV2(new NatInstanceProps
    {
        InstanceType = new InstanceType(InstanceType),
        MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }),
        DefaultAllowedTraffic = NatTrafficDirection.NONE,
        UserData = UserData.Custom(NatUserData.Script),

        // Unlimited: in standard mode T4g gets no launch credits, so every new instance (each image replacement) would
        // boot, install packages and forward at the 5% baseline until it earned credits
        // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-standard-mode-concepts.html).
        // Surplus credits are billed only while the average stays above the baseline; image layers bypass the NAT
        // through the S3 gateway endpoint, so forwarding API calls and manifests stays below it.
        CreditSpecification = CpuCredits.UNLIMITED,
    });

    /// <summary>
    /// Opens the NAT security group to HTTPS from the private subnets only (never the isolated ones, never the internet),
    /// lets it out on HTTPS only, and gives each instance IMDSv2, an encrypted root volume and a public address.
    /// </summary>
    public static void Harden(Vpc vpc, NatInstanceProviderV2 provider)
    {
        ArgumentNullException.ThrowIfNull(vpc);
        ArgumentNullException.ThrowIfNull(provider);
        foreach (var subnet in vpc.PrivateSubnets)
        {
            provider.SecurityGroup.AddIngressRule(Peer.Ipv4(subnet.Ipv4CidrBlock), Amazon.CDK.AWS.EC2.Port.Tcp(Port), "HTTPS from a private subnet, forwarded to the internet");
        }

        // Package repositories (the user data installs iptables) and the forwarded task traffic are both HTTPS.
        provider.SecurityGroup.AddEgressRule(Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(Port), "HTTPS to the internet");

        // AWS::EC2::Instance has no metadata options of its own: a launch template carries IMDSv2 (no physical name,
        // unlike CDK's InstanceRequireImdsv2Aspect, so two platforms in one account do not collide).
        var launchTemplate = new CfnLaunchTemplate(vpc, "NatLaunchTemplate", new CfnLaunchTemplateProps
        {
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
            {
                MetadataOptions = new CfnLaunchTemplate.MetadataOptionsProperty { HttpTokens = "required", HttpEndpoint = "enabled", HttpPutResponseHopLimit = 1 },
            },
        });

        foreach (var instance in provider.GatewayInstances)
        {
            var cfn = (CfnInstance)instance.Node.DefaultChild!;

            // CDK orders NAT gateways after their subnet's internet route, not instances: without this CloudFormation
            // may boot the instance before the route to the internet gateway exists, while the user data needs it.
            // On the instance alone, so its role and profile are still created alongside the network.
            var subnet = vpc.PublicSubnets.Single(s => s.Node.Path == instance.Node.Scope!.Node.Path);
            cfn.Node.AddDependency(subnet.InternetConnectivityEstablished);

            cfn.LaunchTemplate = new CfnInstance.LaunchTemplateSpecificationProperty
            {
                LaunchTemplateId = launchTemplate.Ref,
                Version = launchTemplate.AttrLatestVersionNumber,
            };
            cfn.BlockDeviceMappings = new[]
            {
                new CfnInstance.BlockDeviceMappingProperty
                {
                    DeviceName = "/dev/xvda",
                    Ebs = new CfnInstance.EbsProperty { Encrypted = true, VolumeType = "gp3", VolumeSize = RootVolumeGb, DeleteOnTermination = true },
                },
            };

            // The public subnets do not hand out addresses (MapPublicIpOnLaunch stays false), so the instance asks for
            // one on its own interface: it needs it at boot, before an Elastic IP could be attached, to install iptables.
            // CDK 2.160's NatInstanceProps has no associatePublicIpAddress, hence the interface override.
            cfn.AddPropertyOverride("NetworkInterfaces", new object[]
            {
                new Dictionary<string, object>
                {
                    ["DeviceIndex"] = "0",
                    ["AssociatePublicIpAddress"] = true,
                    ["DeleteOnTermination"] = true,
                    ["SubnetId"] = cfn.SubnetId!,
                    ["GroupSet"] = new[] { provider.SecurityGroup.SecurityGroupId },
                },
            });
            cfn.AddPropertyDeletionOverride("SubnetId");
            cfn.AddPropertyDeletionOverride("SecurityGroupIds");
        }
    }
}
