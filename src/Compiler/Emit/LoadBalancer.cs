using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The internal application load balancer in the private subnets, reached only through the CloudFront VPC origin.
/// Its listener answers 404 to unknown paths; each api app stack adds its own rule.
/// </summary>
public sealed class LoadBalancer : Construct
{
    /// <summary>Creates the load balancer and its HTTP listener; deletion protection follows <paramref name="protection"/> when given.</summary>
    public LoadBalancer(Construct scope, string id, IVpc vpc, ISecurityGroup securityGroup, DeletionProtection? protection, int logRetentionDays)
        : base(scope, id)
    {
        Alb = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps
        {
            Vpc = vpc,
            InternetFacing = false,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroup = securityGroup,
            DropInvalidHeaderFields = true,
        });
        if (protection is not null)
        {
            // ELB, like RDS, refuses to delete a protected load balancer, which would leave a failed first create in ROLLBACK_FAILED.
            Alb.SetAttribute("deletion_protection.enabled", protection.Text);
        }

        // Access logs: who called what, when, with which status; ELB writes only to S3-managed encryption.
        var accessLogs = new Bucket(this, "AccessLogs", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new Amazon.CDK.AWS.S3.LifecycleRule
                {
                    Id = "ExpireAccessLogs",
                    Expiration = Duration.Days(logRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                },
            ],
        });
        Alb.LogAccessLogs(accessLogs, "alb");

        // Open = false: the listener must not add a 0.0.0.0/0 rule; the firewall allows CloudFront only.
        Listener = Alb.AddListener("Http", new BaseApplicationListenerProps
        {
            Port = Firewall.LoadBalancerPort,
            Protocol = ApplicationProtocol.HTTP,
            Open = false,
            DefaultAction = ListenerAction.FixedResponse(404, new FixedResponseOptions
            {
                ContentType = "text/plain",
                MessageBody = "Not Found",
            }),
        });
    }

    /// <summary>The load balancer.</summary>
    public ApplicationLoadBalancer Alb { get; }

    /// <summary>The HTTP listener app rules attach to.</summary>
    public ApplicationListener Listener { get; }
}
