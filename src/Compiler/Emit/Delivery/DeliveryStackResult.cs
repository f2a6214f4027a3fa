namespace Trilho.Compiler.Emit.Delivery;

/// <summary>What <see cref="DeliveryStack.Add"/> declared: the parameters the deploy plan must fill and the roles workflows assume.</summary>
/// <param name="Parameters">Parameters of the stack with their plan sources, in declaration order.</param>
/// <param name="PlatformRoleName">Role that deploys every stack of the environment.</param>
/// <param name="TeamRoleNames">Role per team id, for teams that own at least one app.</param>
public sealed record DeliveryStackResult(
    IReadOnlyList<DeliveryParameter> Parameters,
    string PlatformRoleName,
    IReadOnlyDictionary<string, string> TeamRoleNames);
