using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;

namespace Trilho.Compiler.Validation;

/// <summary>Names that point elsewhere must exist: app teams, database access, environment overrides.</summary>
internal static class ReferenceRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var (id, app) in context.Apps)
        {
            CheckTeam(context, id, app.Team, JsonPointers.Of("apps", id, "team"));
            CheckPrefix(context, id);
        }

        CheckAccess(context, context.Spec.Database?.Access, ["database"]);
        foreach (var (environment, spec) in context.Environments)
        {
            foreach (var (id, over) in spec.Apps ?? new Dictionary<string, AppSpec>())
            {
                if (!context.Apps.ContainsKey(id) && !context.WasRemoved("apps", id))
                {
                    context.Report(DiagnosticCatalog.UnknownOverrideApp, JsonPointers.Of("environments", environment, "apps", id), true,
                        environment, id, NameSuggestion.DidYouMean(id, context.Apps.Keys));
                    continue;
                }

                CheckTeam(context, id, over.Team, JsonPointers.Of("environments", environment, "apps", id, "team"));
            }

            if (spec.Database is not null && context.Spec.Database is null)
            {
                context.Report(DiagnosticCatalog.DatabaseOverrideWithoutDatabase, JsonPointers.Of("environments", environment, "database"), true, environment);
            }

            CheckAccess(context, spec.Database?.Access, ["environments", environment, "database"]);
        }

        var deliveryEnvironments = context.Spec.Delivery?.Github?.Environments ?? [];
        for (var i = 0; i < deliveryEnvironments.Count; i++)
        {
            var id = deliveryEnvironments[i];
            if (!context.Environments.ContainsKey(id) && !context.WasRemoved("environments", id))
            {
                var pointer = JsonPointers.Of("delivery", "github", "environments", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.Report(DiagnosticCatalog.UnknownDeliveryEnvironment, pointer, false, id, NameSuggestion.DidYouMean(id, context.Environments.Keys));
            }
        }
    }

    private static void CheckPrefix(ValidationContext context, string id)
    {
        if (context.Apps.Keys.Where(other => id.StartsWith(other + "-", StringComparison.Ordinal)).OrderByDescending(other => other.Length).FirstOrDefault() is { } shorter)
        {
            context.Report(DiagnosticCatalog.AppIdExtendsAnother, JsonPointers.Of("apps", id), true, id, shorter, id.Replace("-", string.Empty, StringComparison.Ordinal));
        }
    }

    private static void CheckTeam(ValidationContext context, string app, string? team, string pointer)
    {
        if (team is not null && !context.Teams.ContainsKey(team) && !context.WasRemoved("teams", team))
        {
            context.Report(DiagnosticCatalog.UnknownTeam, pointer, false, app, team, NameSuggestion.DidYouMean(team, context.Teams.Keys));
        }
    }

    private static void CheckAccess(ValidationContext context, IReadOnlyList<string>? access, string[] database)
    {
        for (var i = 0; i < (access?.Count ?? 0); i++)
        {
            var id = access![i];
            var pointer = JsonPointers.Of([.. database, "access", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (context.WasRemoved("apps", id))
            {
                continue;
            }

            if (!context.Apps.TryGetValue(id, out var app))
            {
                context.Report(DiagnosticCatalog.UnknownAccessApp, pointer, false, id, NameSuggestion.DidYouMean(id, context.Apps.Keys));
            }
            else if (app.Type == AppType.Static)
            {
                context.Report(DiagnosticCatalog.AccessAppNotApi, pointer, false, id);
            }
        }
    }
}
