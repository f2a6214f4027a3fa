namespace Trilho.Compiler.Emit.Delivery;

/// <summary>What <see cref="DeliveryStack.Add"/> declared: the roles workflows assume.</summary>
/// <param name="PlatformRoleName">Role that deploys every stack of the environment.</param>
/// <param name="TeamRoleNames">Role per team id, for teams that own at least one app.</param>
public sealed record DeliveryStackResult(
    string PlatformRoleName,
    IReadOnlyDictionary<string, string> TeamRoleNames);
