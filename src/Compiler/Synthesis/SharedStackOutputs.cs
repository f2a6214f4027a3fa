namespace Trilho.Compiler.Synthesis;

/// <summary>The shared stack and the outputs other stacks read from it through the deploy plan.</summary>
internal sealed record SharedStackOutputs(
    PlannedStack Stack,
    ParameterValue VpcId,
    IReadOnlyList<ParameterValue> PrivateSubnetIds,
    ParameterValue LogsKeyArn,
    (ParameterValue Endpoint, ParameterValue ResourceId)? Database,
    IReadOnlyDictionary<string, (ParameterValue SecurityGroup, ParameterValue Repository, ParameterValue TargetGroupArn, ParameterValue TargetGroupFullName)> Apps,
    ParameterValue? LoadBalancerArn,
    ParameterValue? LoadBalancerDnsName,
    ParameterValue? LoadBalancerFullName,
    ParameterValue? ClusterName,
    ParameterValue? DatabaseInstanceId,
    TaskRun? DatabaseRoles);
