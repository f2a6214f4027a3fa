using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Who receives which alarm: the owner gets its app's specific alarms, watchers get every app's "customers affected" composite.</summary>
internal static class AlarmRouting
{
    /// <summary>The team that owns <paramref name="app"/>.</summary>
    public static ResolvedTeam Owner(ResolvedEnvironment environment, ResolvedApp app) =>
        environment.Teams.Single(t => t.Id == app.Team);

    /// <summary>Teams with <c>watchesAll</c>.</summary>
    public static IReadOnlyList<ResolvedTeam> Watchers(ResolvedEnvironment environment) =>
        environment.Teams.Where(t => t.WatchesAll).ToList();

    /// <summary>Teams of the apps in <c>database.access</c>; the watchers when no app uses it, so someone still hears.</summary>
    public static IReadOnlyList<ResolvedTeam> DatabaseRecipients(ResolvedEnvironment environment)
    {
        var access = new HashSet<string>(environment.Database?.Access ?? [], StringComparer.Ordinal);
        var owners = environment.Apps.Where(a => access.Contains(a.Id)).Select(a => a.Team).ToHashSet(StringComparer.Ordinal);
        var teams = environment.Teams.Where(t => owners.Contains(t.Id)).ToList();
        return teams.Count > 0 ? teams : Watchers(environment);
    }

    /// <summary>Teams that receive something from the regional stack.</summary>
    public static IReadOnlyList<ResolvedTeam> RegionalRecipients(ResolvedEnvironment environment)
    {
        var api = environment.Apps.OfType<ResolvedApiApp>().ToList();
        var ids = api.Select(a => a.Team).ToHashSet(StringComparer.Ordinal);
        if (api.Count > 0)
        {
            ids.UnionWith(Watchers(environment).Select(t => t.Id));
        }

        if (environment.Database is not null)
        {
            ids.UnionWith(DatabaseRecipients(environment).Select(t => t.Id));
        }

        return environment.Teams.Where(t => ids.Contains(t.Id)).ToList();
    }

    /// <summary>Teams that receive something from the edge stack.</summary>
    public static IReadOnlyList<ResolvedTeam> EdgeRecipients(ResolvedEnvironment environment)
    {
        var ids = environment.Apps.Select(a => a.Team).ToHashSet(StringComparer.Ordinal);
        if (environment.Apps.Count > 0)
        {
            ids.UnionWith(Watchers(environment).Select(t => t.Id));
        }

        return environment.Teams.Where(t => ids.Contains(t.Id)).ToList();
    }
}
