using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Delivery;

/// <summary>The delivery section with its defaults applied, for one environment.</summary>
/// <param name="Repository">GitHub repository, <c>owner/name</c>.</param>
/// <param name="Branch">Branch whose runs may assume the roles when <paramref name="Gated"/> is false.</param>
/// <param name="Stage">Trilho environment id, the first part of each role's GitHub environment name.</param>
/// <param name="Gated">Whether each role trusts only jobs in its own GitHub environment (<see cref="GitHubEnvironment"/>); else every role trusts <paramref name="Branch"/>.</param>
/// <param name="CreateOidcProvider">Whether this environment's stack creates the account's GitHub OIDC provider.</param>
public sealed record DeliverySettings(string Repository, string Branch, string Stage, bool Gated, bool CreateOidcProvider)
{
    /// <summary>Default of <c>delivery.github.branch</c>.</summary>
    public const string DefaultBranch = "main";

    /// <summary>Job kind of the platform role, in its GitHub environment name <c>&lt;stage&gt;-platform</c>.</summary>
    public const string PlatformJob = "platform";

    /// <summary>Job kind of a team's role, in its GitHub environment name <c>&lt;stage&gt;-team-&lt;team&gt;</c>; the <c>team-</c> infix keeps a team called "platform" apart from the platform.</summary>
    public static string TeamJob(string teamId) => $"team-{teamId}";

    /// <summary>
    /// The GitHub environment whose jobs alone may assume the role of <paramref name="job"/> (<see cref="PlatformJob"/> or
    /// <see cref="TeamJob"/>), or null when this stage is not gated and every role trusts the branch. One environment per
    /// role, so a team's job (whose environment the team's reviewers approve) presents a subject no other role trusts.
    /// </summary>
    public string? GitHubEnvironment(string job) => Gated ? $"{Stage}-{job}" : null;

    /// <summary>The OIDC subject a GitHub job must present to assume the role of <paramref name="job"/>: its own environment when the stage is gated, else the branch.</summary>
    public string Subject(string job) => GitHubEnvironment(job) is { } name
        ? $"repo:{Repository}:environment:{name}"
        : $"repo:{Repository}:ref:refs/heads/{Branch}";

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
            environment.Name,
            gated,
            github.CreateOidcProvider ?? firstInAccount);
    }
}
