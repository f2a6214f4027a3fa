namespace Trilho.Compiler.Emit;

/// <summary>What an api app stack receives from the shared stack (as template parameters) and from CI (the image tag).</summary>
/// <param name="AvailabilityZones">Zones of the private subnets, in subnet order.</param>
/// <param name="PrivateSubnetIds">Private subnets the tasks run in.</param>
/// <param name="SecurityGroupId">The app's security group (created in the shared stack with the other firewall rules).</param>
/// <param name="TargetGroupArn">The app's target group, created with its listener rule in the shared stack.</param>
/// <param name="TargetGroupFullName">The target group's full name, for the requests-per-target scaling metric and the release alarms.</param>
/// <param name="LoadBalancerFullName">The load balancer's full name, for the requests-per-target scaling metric.</param>
/// <param name="LogsKeyArn">The KMS key that encrypts the app's log group.</param>
/// <param name="ImageTag">The image tag to run.</param>
/// <param name="Database">Where and as whom the app connects to the database, or null when the app has no database access.</param>
public sealed record ApiServiceInputs(
    IReadOnlyList<string> AvailabilityZones,
    IReadOnlyList<string> PrivateSubnetIds,
    string SecurityGroupId,
    string TargetGroupArn,
    string TargetGroupFullName,
    string LoadBalancerFullName,
    string LogsKeyArn,
    string ImageTag,
    ApiDatabaseInputs? Database);

/// <summary>The database an app in <c>database.access</c> connects to (docs/decisions/0009-database-identity.md).</summary>
/// <param name="Endpoint">The instance's endpoint address: the name its TLS certificate carries and the host an IAM token is signed for.</param>
/// <param name="ResourceId">The instance's <c>DbiResourceId</c>, which IAM names in <c>rds-db:connect</c> resources.</param>
public sealed record ApiDatabaseInputs(string Endpoint, string ResourceId);
