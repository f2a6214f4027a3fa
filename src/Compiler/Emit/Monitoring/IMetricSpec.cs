using Amazon.CDK.AWS.CloudWatch;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// A CloudWatch metric or math expression as plain data. Dashboards render it to JSON in C# (no jsii round trip);
/// alarms turn it into a CDK object with <see cref="ToCdk"/>.
/// </summary>
public interface IMetricSpec
{
    /// <summary>The CDK metric or expression for an alarm.</summary>
    IMetric ToCdk();
}
