using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>The ECS cluster the api apps' services run in; its name is literal so app stacks refer to it without a parameter.</summary>
public sealed class ServiceCluster : Construct
{
    /// <summary>Creates the cluster with Container Insights on.</summary>
    public ServiceCluster(Construct scope, string id, ResolvedEnvironment environment, IVpc vpc)
        : base(scope, id)
    {
        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = EmitNames.Cluster(environment),
            Vpc = vpc,
            ContainerInsights = true,
        });
    }

    /// <summary>The cluster.</summary>
    public Cluster Cluster { get; }
}
