using Amazon.CDK;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>One monitoring stack with the parameters the deploy plan must fill.</summary>
/// <param name="Stack">The CDK stack.</param>
/// <param name="Region">The region it deploys to.</param>
/// <param name="Parameters">The parameters it takes, in template order.</param>
public sealed record MonitoringStackInfo(Stack Stack, string Region, IReadOnlyList<MonitoringParameter> Parameters);
