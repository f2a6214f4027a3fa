using System.Text.RegularExpressions;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;

namespace Trilho.Compiler.Validation;

/// <summary>Secrets never travel as plain env values: by name (PASSWORD, TOKEN...) or by value (AWS access keys, private keys).</summary>
internal static partial class SecurityRules
{
    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"];

    // Names that talk about a secret without holding one, e.g. TOKEN_URL or SECRET_NAME.
    private static readonly string[] HarmlessSuffixes = ["_URL", "_URI", "_FILE", "_PATH", "_NAME", "_ARN", "_TTL", "_HEADER", "_TIMEOUT", "_LENGTH", "_ENABLED"];

    public static void Check(ValidationContext context)
    {
        foreach (var app in context.EffectiveApps())
        {
            foreach (var (name, value) in (app.App.Env ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var pointer = app.PointerOf("env", name);
                if (Credential(value) is { } kind)
                {
                    context.Report(DiagnosticCatalog.CredentialInEnv, pointer, false, app.Id, name, kind);
                }
                else if (LooksSecret(name))
                {
                    context.Report(DiagnosticCatalog.SecretInEnv, pointer, false, app.Id, name);
                }
            }
        }
    }

    /// <summary>Every delivery role of a stage not gated by GitHub environments trusts the same subject (the branch).</summary>
    public static void CheckDeliveryTrust(ValidationContext context)
    {
        if (context.Spec.Delivery?.Github is not { } github)
        {
            return;
        }

        var gated = github.Environments ?? [];
        foreach (var environment in context.Environments.Keys.Where(e => !gated.Contains(e, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            var pointer = context.Exists(JsonPointers.Of("delivery", "github", "environments"))
                ? JsonPointers.Of("delivery", "github", "environments")
                : JsonPointers.Of("delivery", "github");
            context.Report(DiagnosticCatalog.SharedDeliveryTrust, pointer, true, environment, github.Branch ?? "main");
        }
    }

    /// <summary>True when a variable's name says that it holds a secret.</summary>
    public static bool LooksSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretWords.Any(w => upper.Contains(w, StringComparison.Ordinal))
            && !HarmlessSuffixes.Any(s => upper.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>What kind of credential <paramref name="value"/> looks like, or null.</summary>
    public static string? Credential(string value)
    {
        if (AccessKeyId().IsMatch(value))
        {
            return "an AWS access key id";
        }

        if (ConnectionStringPassword().IsMatch(value))
        {
            return "a connection string with a password";
        }

        return PrivateKey().IsMatch(value) ? "a private key" : null;
    }

    // Password=... or Pwd=... in an ADO.NET/ODBC connection string, or user:password@ in a URL.
    [GeneratedRegex(@"(?i)((^|;)\s*(password|pwd)\s*=\s*[^;\s]|://[^/:@\s]+:[^/@\s]+@)")]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();
}
