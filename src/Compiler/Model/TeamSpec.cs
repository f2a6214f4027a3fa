using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>A team that owns apps or watches the platform; its contacts receive alerts and appear on dashboards.</summary>
public sealed record TeamSpec
{
    /// <summary>Display name shown on dashboards and alarm texts, e.g. `Time Backend`.</summary>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Email address subscribed to the team's alerts (AWS sends a confirmation email first).</summary>
    [Required]
    [StringLength(254)]
    [Pattern(Patterns.Email, Patterns.EmailText)]
    public string? Email { get; init; }

    /// <summary>Optional phone number in international format (e.g. `+55 11 90000-0001`), shown on the dashboard as "who to call". Default: none shown.</summary>
    [Pattern(Patterns.Phone, Patterns.PhoneText)]
    public string? Phone { get; init; }

    /// <summary>Optional: when true the team receives every app's "customers affected" alert, not only its own apps'. Default: false.</summary>
    [DefaultValue(false)]
    public bool? WatchesAll { get; init; }
}
