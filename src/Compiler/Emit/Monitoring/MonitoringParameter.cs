namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>A CloudFormation parameter a monitoring stack needs: a value that lives in another stack, wired by the deploy plan.</summary>
/// <param name="Name">Parameter name in the template, e.g. <c>LoadBalancerFullName</c>.</param>
/// <param name="Description">What the value is and which stack output produces it.</param>
public sealed record MonitoringParameter(string Name, string Description);
