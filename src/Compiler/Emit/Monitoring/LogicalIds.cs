using Amazon.CDK;
using Constructs;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Pins the logical ID of an L2 construct's resource to its construct id. CDK otherwise appends a path hash
/// (<c>BackendLatencyHighBF2AA5F7</c>); the readable ID is the public contract and renaming it replaces the resource.
/// </summary>
internal static class LogicalIds
{
    /// <summary>Gives <paramref name="construct"/>'s CloudFormation resource the logical ID <c>construct.Node.Id</c>; returns the construct.</summary>
    public static T Pin<T>(T construct)
        where T : IConstruct
    {
        ((CfnElement)construct.Node.DefaultChild!).OverrideLogicalId(construct.Node.Id);
        return construct;
    }
}
