using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>Per environment, after overrides: fields that fit the app's type, scale bounds, Fargate sizes and variable names.</summary>
internal static class AppRules
{
    /// <summary>Variables Trilho sets in every api container; a user value would clash with them.</summary>
    public static IReadOnlyList<string> InjectedVariables { get; } =
        ["PORT", "APP_BASE_PATH", "APP_PUBLIC_URL", "TMPDIR", "DB_HOST", "DB_PORT", "DB_NAME", "DB_SSLMODE", "DB_USER", "DB_PASSWORD", "DB_AUTH", "AWS_REGION"];

    public static void Check(ValidationContext context)
    {
        foreach (var app in context.EffectiveApps())
        {
            var overriddenType = context.Environments[app.Environment].Apps?.GetValueOrDefault(app.Id)?.Type;
            if (overriddenType is not null && overriddenType != app.App.Type)
            {
                context.Report(DiagnosticCatalog.TypeOverride, app.PointerOf("type"), true, app.Environment, app.Id);
            }

            if (app.App.Type == AppType.Static)
            {
                CheckStatic(context, app);
            }
            else
            {
                CheckApi(context, app);
                CheckScale(context, app);
                CheckSize(context, app);
                CheckVariables(context, app);
            }
        }
    }

    private static void CheckStatic(ValidationContext context, EffectiveApp app)
    {
        var spec = app.App;
        var fields = new (string[] Field, bool Set)[]
        {
            (["port"], spec.Port is not null),
            (["healthCheck"], spec.HealthCheck is not null),
            (["cpu"], spec.Cpu is not null),
            (["memory"], spec.Memory is not null),
            (["scale"], spec.Scale is not null),
            (["env"], spec.Env is not null),
            (["secrets"], spec.Secrets is not null),
            (["slo", "latencyP95Ms"], spec.Slo?.LatencyP95Ms is not null),
        };
        foreach (var (field, set) in fields.Where(f => f.Set))
        {
            context.Report(DiagnosticCatalog.NotForStaticApp, app.PointerOf(field), true, string.Join('.', field), app.Id, app.Where(field, ["type"]));
        }
    }

    private static void CheckApi(ValidationContext context, EffectiveApp app)
    {
        var fields = new (string Field, bool Set)[]
        {
            ("spa", app.App.Spa is not null),
            ("contentSecurityPolicy", app.App.ContentSecurityPolicy is not null),
        };
        foreach (var (field, _) in fields.Where(f => f.Set))
        {
            context.Report(DiagnosticCatalog.NotForApiApp, app.PointerOf(field), true, field, app.Id, app.Where([field], ["type"]));
        }
    }

    private static void CheckScale(ValidationContext context, EffectiveApp app)
    {
        var defaults = ProfileDefaults.For(app.Profile);
        var min = app.App.Scale?.Min ?? defaults.ScaleMin;
        if (app.App.Scale?.Max is not { } max || min <= max)
        {
            return;
        }

        // Point at whichever bound the override changed; otherwise at max.
        var at = app.FromOverride("scale", "min") && !app.FromOverride("scale", "max") ? app.PointerOf("scale", "min") : app.PointerOf("scale", "max");
        var where = app.Where(["scale", "min"], ["scale", "max"]);
        if (app.App.Scale?.Min is null)
        {
            // The min came from the profile: the message must say which environment's profile.
            where = $" in environment '{app.Environment}'";
        }

        context.Report(DiagnosticCatalog.ScaleMinAboveMax, at, false, app.Id, where, min, max);
    }

    private static void CheckSize(ValidationContext context, EffectiveApp app)
    {
        var cpu = app.App.Cpu ?? Defaults.Cpu;
        var memory = app.App.Memory ?? Defaults.Memory;
        if (FargateSizes.MemoryFor(cpu).Contains(memory))
        {
            return;
        }

        var at = app.App.Memory is not null ? app.PointerOf("memory") : app.PointerOf("cpu");
        context.Report(DiagnosticCatalog.InvalidFargateSize, at, false, app.Id, app.Where(["cpu"], ["memory"]), cpu, memory, FargateSizes.Describe(cpu));
    }

    private static void CheckVariables(ValidationContext context, EffectiveApp app)
    {
        var env = app.App.Env ?? new Dictionary<string, string>();
        foreach (var (section, names) in new[] { ("env", env.Keys), ("secrets", (app.App.Secrets ?? new Dictionary<string, string>()).Keys) })
        {
            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                string? clash = null;
                if (InjectedVariables.Contains(name, StringComparer.Ordinal))
                {
                    clash = "Trilho sets that variable itself";
                }
                else if (section == "secrets" && env.ContainsKey(name))
                {
                    clash = "env defines it too";
                }

                if (clash is not null)
                {
                    context.Report(DiagnosticCatalog.ReservedVariable, app.PointerOf(section, name), true, app.Id, name, section, clash);
                }
            }
        }
    }
}
