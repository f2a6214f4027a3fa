namespace Trilho.Compiler.Synthesis;

/// <summary>
/// A one-off ECS task the deploy plan runs after <paramref name="AfterStack"/> and waits for: the deploy stops when
/// its container exits non-zero (docs/decisions/0009-database-identity.md).
/// </summary>
/// <param name="Name">What the task does, e.g. <c>databaseRoles</c>.</param>
/// <param name="Description">One sentence for the plan's reader.</param>
/// <param name="AfterStack">The stack that creates the task definition.</param>
/// <param name="Region">Region of the cluster.</param>
/// <param name="Cluster">Name of the ECS cluster.</param>
/// <param name="TaskDefinition">ARN of the task definition (a stack output).</param>
/// <param name="Container">The container whose exit code decides.</param>
/// <param name="Subnets">Subnets of the task (private, no public IP).</param>
/// <param name="SecurityGroup">Security group of the task.</param>
/// <param name="LogGroup">Log group of the container's output.</param>
/// <param name="LogStreamPrefix">awslogs stream prefix: streams are <c>&lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;</c>.</param>
public sealed record TaskRun(
    string Name,
    string Description,
    string AfterStack,
    string Region,
    ParameterValue Cluster,
    ParameterValue TaskDefinition,
    string Container,
    IReadOnlyList<ParameterValue> Subnets,
    ParameterValue SecurityGroup,
    ParameterValue LogGroup,
    string LogStreamPrefix);
