using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Emit;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Validation;

/// <summary>Per environment, after overrides: fields that fit the app's type, scale bounds, Fargate sizes and variable names.</summary>
internal static class AppRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var app in context.EffectiveApps())
        {
            var overriddenType = context.Environments[app.Environment].Apps?.GetValueOrDefault(app.Id)?.Type;
            if (overriddenType is not null && overriddenType != app.App.Type)
            {
                context.Report(DiagnosticCatalog.TypeOverride, JsonPointers.Of("environments", app.Environment, "apps", app.Id, "type"), true, app.Environment, app.Id);
            }

            CheckFieldsOfType(context, app);
            if (app.Resolved is ResolvedApiApp api)
            {
                CheckScale(context, app, api.Scale);
                CheckSize(context, app, api);
                CheckVariables(context, app);
            }
        }
    }

    // The fields set for the other app type, as the model declares them ([AppliesTo]); `source` has its own rule (SourceRules).
    private static void CheckFieldsOfType(ValidationContext context, EffectiveApp app)
    {
        var type = app.App.Type ?? AppType.Api;
        foreach (var field in AppTypeFields.NotFor(type, app.App, except: nameof(AppSpec.Source)))
        {
            var descriptor = type == AppType.Static ? DiagnosticCatalog.NotForStaticApp : DiagnosticCatalog.NotForApiApp;
            context.Report(descriptor, app.PointerOf(field), true, string.Join('.', field), app.Id, app.Where(field, ["type"]));
        }
    }

    private static void CheckScale(ValidationContext context, EffectiveApp app, ResolvedScale scale)
    {
        if (scale.Min <= scale.Max)
        {
            return;
        }

        // Point at whichever bound the override changed; otherwise at max.
        var at = app.FromOverride("scale", "min") && !app.FromOverride("scale", "max") ? app.PointerOf("scale", "min") : app.PointerOf("scale", "max");
        var where = app.Where(["scale", "min"], ["scale", "max"]);
        if (app.OriginOf("scale", "min").Kind == OriginKind.Default)
        {
            // The min came from the profile: the message must say which environment's profile.
            where = $" in environment '{app.Environment}'";
        }

        context.Report(DiagnosticCatalog.ScaleMinAboveMax, at, false, app.Id, where, scale.Min, scale.Max);
    }

    private static void CheckSize(ValidationContext context, EffectiveApp app, ResolvedApiApp api)
    {
        if (FargateSizes.MemoryFor(api.Cpu).Contains(api.Memory))
        {
            return;
        }

        var at = app.OriginOf("memory").Kind != OriginKind.Default ? app.PointerOf("memory") : app.PointerOf("cpu");
        context.Report(DiagnosticCatalog.InvalidFargateSize, at, false, app.Id, app.Where(["cpu"], ["memory"]), api.Cpu, api.Memory, FargateSizes.Describe(api.Cpu));
    }

    private static void CheckVariables(ValidationContext context, EffectiveApp app)
    {
        var env = app.App.Env ?? new Dictionary<string, string>();
        foreach (var (section, names) in new[] { ("env", env.Keys), ("secrets", (app.App.Secrets ?? new Dictionary<string, string>()).Keys) })
        {
            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                string? clash = null;
                if (ContainerVariables.All.Contains(name, StringComparer.Ordinal))
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
