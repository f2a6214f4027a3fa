using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>The GitHub repository allowed to assume the delivery roles, and which of its jobs may.</summary>
public sealed record GitHubDeliverySpec
{
    /// <summary>Repository as `owner/name`, e.g. `acme/desafio`. Only workflows of this repository can assume the roles.</summary>
    [Required]
    [Pattern(Patterns.GitHubRepository, Patterns.GitHubRepositoryText)]
    public string? Repository { get; init; }

    /// <summary>Optional branch whose workflow runs may assume the roles of environments not listed in `environments`. Default: `main`.</summary>
    [Pattern(Patterns.Branch, Patterns.BranchText)]
    [DefaultValue("main")]
    public string? Branch { get; init; }

    /// <summary>Optional ids of Trilho environments (keys of `environments`) where each role trusts only jobs in its own GitHub environment, `&lt;env&gt;-platform` for the platform role and `&lt;env&gt;-team-&lt;team&gt;` for a team's role, so GitHub's protection rules (e.g. required reviewers) gate every deploy and a team's job cannot assume the platform role. Default: none; every role of every environment trusts runs on `branch` (warning TRL3003).</summary>
    public IReadOnlyList<string>? Environments { get; init; }

    /// <summary>Optional: whether the delivery stack creates the account's GitHub OIDC identity provider. IAM allows only one per account, so set `false` when the account already has it (another project, or another environment in the same account). Default: true for the first environment of each account, false for the others.</summary>
    public bool? CreateOidcProvider { get; init; }
}
