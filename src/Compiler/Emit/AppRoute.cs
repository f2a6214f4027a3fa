using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using Trilho.Compiler.Resolution;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;

namespace Trilho.Compiler.Emit;

/// <summary>
/// An api app's way in through the shared load balancer: its target group and the listener rule that forwards the app's
/// path to it. Both live in the shared stack, which only the platform deploys: IAM cannot see a rule's path or priority,
/// so a team allowed to write rules on the shared listener could take another app's path (ADR 0008). The app stack's
/// service registers its tasks in the target group; the rule exists first, as ECS requires of a target group.
/// </summary>
public sealed class AppRoute : Construct
{
    /// <summary>Creates the target group of <paramref name="app"/> and its rule on <paramref name="listener"/>.</summary>
    public AppRoute(Construct scope, string id, IVpc vpc, IApplicationListener listener, ResolvedApiApp app, int priority)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(app);
        TargetGroup = new ApplicationTargetGroup(this, "Targets", new ApplicationTargetGroupProps
        {
            Vpc = vpc,
            Port = app.Port,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
            // In-flight requests get as long as CloudFront waits for an answer (30 s read timeout) before the task stops.
            DeregistrationDelay = Duration.Seconds(30),
            // A failing task is out of rotation after 2 x 10 s, and a new one takes traffic after 2 x 10 s.
            HealthCheck = new HealthCheck
            {
                Path = app.HealthCheck,
                HealthyHttpCodes = "200-399",
                Interval = Duration.Seconds(10),
                Timeout = Duration.Seconds(5),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 2,
            },
        });

        // The ALB forwards the path as is: /backend and /backend/* both reach the app.
        Rule = new CfnListenerRule(this, "Rule", new CfnListenerRuleProps
        {
            ListenerArn = listener.ListenerArn,
            Priority = priority,
            Conditions = new[]
            {
                new CfnListenerRule.RuleConditionProperty
                {
                    Field = "path-pattern",
                    PathPatternConfig = new CfnListenerRule.PathPatternConfigProperty { Values = [app.Path, app.Path + "/*"] },
                },
            },
            Actions = new[] { new CfnListenerRule.ActionProperty { Type = "forward", TargetGroupArn = TargetGroup.TargetGroupArn } },
        });
    }

    /// <summary>The app's target group.</summary>
    public ApplicationTargetGroup TargetGroup { get; }

    /// <summary>The listener rule on the app's path.</summary>
    public CfnListenerRule Rule { get; }
}
