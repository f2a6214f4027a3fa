using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>The delivery section with its defaults applied, for one environment.</summary>
/// <param name="Repository">GitHub repository, <c>owner/name</c>.</param>
/// <param name="Branch">Branch whose runs may assume the roles when <paramref name="GitHubEnvironment"/> is null.</param>
/// <param name="GitHubEnvironment">GitHub environment whose jobs alone may assume the roles, or null to trust <paramref name="Branch"/>.</param>
/// <param name="CreateOidcProvider">Whether this environment's stack creates the account's GitHub OIDC provider.</param>
public sealed record DeliverySettings(string Repository, string Branch, string? GitHubEnvironment, bool CreateOidcProvider)
{
    /// <summary>Default of <c>delivery.github.branch</c>.</summary>
    public const string DefaultBranch = "main";

    /// <summary>The OIDC subject a GitHub job must present: its environment when one gates this stage, else the branch.</summary>
    public string Subject => GitHubEnvironment is null
        ? $"repo:{Repository}:ref:refs/heads/{Branch}"
        : $"repo:{Repository}:environment:{GitHubEnvironment}";

    /// <summary>Applies defaults for <paramref name="environment"/>. IAM allows one provider per URL per account, so by default only the first environment of each account creates it.</summary>
    public static DeliverySettings Resolve(DeliverySpec delivery, ResolvedPlatform platform, ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(environment);
        var github = delivery.Github ?? throw new ArgumentException("delivery.github is required; validation should have reported it.", nameof(delivery));
        var repository = github.Repository ?? throw new ArgumentException("delivery.github.repository is required; validation should have reported it.", nameof(delivery));
        var gated = github.Environments?.Contains(environment.Name, StringComparer.Ordinal) == true;
        var firstInAccount = platform.Environments.First(e => e.Account == environment.Account).Name == environment.Name;
        return new DeliverySettings(
            repository,
            github.Branch ?? DefaultBranch,
            gated ? environment.Name : null,
            github.CreateOidcProvider ?? firstInAccount);
    }
}
