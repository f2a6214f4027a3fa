namespace Trilho.Compiler.Synthesis.Stacks;

/// <summary>What the shared stack exports for the stacks after it.</summary>
/// <param name="PrivateSubnetIds">The private subnets, one per availability zone.</param>
/// <param name="LogsKeyArn">KMS key of the log groups.</param>
/// <param name="Database">The database's outputs, or null without one.</param>
/// <param name="Api">The load balancer, cluster and per api app route, or null without api apps.</param>
internal sealed record SharedOutputs(IReadOnlyList<StackOutput> PrivateSubnetIds, StackOutput LogsKeyArn, SharedDatabaseOutputs? Database, SharedApiOutputs? Api);

/// <summary>The database as other stacks see it.</summary>
internal sealed record SharedDatabaseOutputs(StackOutput Endpoint, StackOutput ResourceId, StackOutput InstanceId);

/// <summary>What the api apps share: cluster, internal load balancer, and per app (by id) its route and repository.</summary>
internal sealed record SharedApiOutputs(
    StackOutput ClusterName,
    StackOutput LoadBalancerArn,
    StackOutput LoadBalancerDnsName,
    StackOutput LoadBalancerFullName,
    IReadOnlyDictionary<string, AppRouteOutputs> Apps);

/// <summary>One api app's security group, image repository and target group, which the platform owns (ADR 0008).</summary>
internal sealed record AppRouteOutputs(StackOutput SecurityGroupId, StackOutput RepositoryUri, StackOutput TargetGroupArn, StackOutput TargetGroupFullName);
