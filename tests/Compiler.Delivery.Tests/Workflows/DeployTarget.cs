using System.Text.RegularExpressions;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// What a deploy job changes, read from the commands it runs rather than from its name: the stage is the
/// deploy plan it reads (<c>out/&lt;stage&gt;/deploy-plan.json</c>); the unit is <c>app-&lt;app&gt;</c> for a job that deploys
/// one app stack (<c>deploy-plan.mjs --only &lt;prefix&gt;-app-&lt;app&gt;</c>) or publishes one static app
/// (<c>publish-static.sh</c>), and <c>platform</c> for a job that runs the whole plan.
/// </summary>
public static partial class DeployTarget
{
    /// <summary>"&lt;stage&gt;-&lt;unit&gt;", e.g. <c>dev-app-backend</c> or <c>prod-platform</c>.</summary>
    public static string Of(WorkflowJob job, Workflow workflow)
    {
        var script = string.Join("\n", job.RunScripts);
        var plan = PlanPath().Match(script);
        var stage = plan.Success ? plan.Groups[1].Value : throw new InvalidOperationException($"{job.Workflow}/{job.Id} deploys but reads no out/<stage>/deploy-plan.json");
        string unit;
        if (script.Contains("publish-static.sh", StringComparison.Ordinal))
        {
            unit = "app-" + Expand("${APP}", workflow);
        }
        else if (Only().Match(script) is { Success: true } only)
        {
            var stack = Expand(only.Groups[1].Success ? only.Groups[1].Value : only.Groups[2].Value, workflow);
            var app = AppStack().Match(stack);
            unit = app.Success ? "app-" + app.Groups[1].Value : throw new InvalidOperationException($"{job.Workflow}/{job.Id}: --only {stack} is not an app stack");
        }
        else if (script.Contains("deploy-plan.mjs", StringComparison.Ordinal))
        {
            unit = "platform";
        }
        else
        {
            throw new InvalidOperationException($"{job.Workflow}/{job.Id} asks for an OIDC token but runs neither deploy-plan.mjs nor publish-static.sh");
        }

        return $"{stage}-{unit}";
    }

    /// <summary>Replaces <c>$NAME</c> and <c>${NAME}</c> (shell) and <c>${{ env.NAME }}</c> with the workflow's env values.</summary>
    private static string Expand(string text, Workflow workflow) =>
        Variable().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            return workflow.Env.TryGetValue(name, out var value) ? value : m.Value;
        });

    [GeneratedRegex(@"out/([A-Za-z0-9_-]+)/deploy-plan\.json")]
    private static partial Regex PlanPath();

    [GeneratedRegex(@"--only\s+(?:""([^""]+)""|(\S+))")]
    private static partial Regex Only();

    [GeneratedRegex(@"-app-([a-z0-9-]+)$")]
    private static partial Regex AppStack();

    [GeneratedRegex(@"\$\{\{\s*env\.([A-Z_]+)\s*\}\}|\$\{([A-Z_]+)\}|\$([A-Z_]+)")]
    private static partial Regex Variable();
}
