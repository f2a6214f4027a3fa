using System.ComponentModel.DataAnnotations;

namespace Trilho.Compiler.Model;

/// <summary>Where the platform's code is delivered from. When set, Trilho emits a `&lt;platform&gt;-&lt;env&gt;-delivery` stack per environment with the CI identity provider, a platform role and one role per team.</summary>
public sealed record DeliverySpec
{
    /// <summary>The GitHub repository whose Actions workflows deploy the platform and the apps, authenticated through OpenID Connect (no stored keys). Required inside `delivery`.</summary>
    [Required]
    public GitHubDeliverySpec? Github { get; init; }
}
