using System.Text.RegularExpressions;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// What a deploy job changes, read from the commands it runs rather than from its name. The stage is the compiled
/// output it deploys (<c>out/&lt;stage&gt;/deploy-plan.json</c>, <c>deploy out/&lt;stage&gt;</c>) or the <c>--env</c> it names; every
/// command of the job must agree. The unit is <c>app-&lt;app&gt;</c> for a job that deploys one app stack
/// (<c>--only &lt;prefix&gt;-app-&lt;app&gt;</c>) or publishes one static app (<c>publish-static</c>), and <c>platform</c> for a
/// job that deploys the whole plan. Both the deploy script and the <c>trilho deploy</c> command are read.
/// </summary>
public static partial class DeployTarget
{
    /// <summary>"&lt;stage&gt;-&lt;unit&gt;", e.g. <c>dev-app-backend</c> or <c>prod-platform</c>.</summary>
    public static string Of(WorkflowJob job, Workflow workflow)
    {
        var script = string.Join("\n", job.RunScripts);
        var stages = Stage().Matches(script).Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value).Distinct(StringComparer.Ordinal).ToList();
        if (stages.Count != 1)
        {
            throw new InvalidOperationException($"{job.Workflow}/{job.Id} deploys to {(stages.Count == 0 ? "no stage it names" : string.Join(" and ", stages))}");
        }

        string unit;
        if (script.Contains("publish-static", StringComparison.Ordinal))
        {
            var app = App().Match(script);
            unit = "app-" + Expand(app.Success ? app.Groups[1].Value : "${APP}", workflow);
        }
        else if (Only().Match(script) is { Success: true } only)
        {
            var stack = Expand(only.Groups[1].Success ? only.Groups[1].Value : only.Groups[2].Value, workflow);
            var app = AppStack().Match(stack);
            unit = app.Success ? "app-" + app.Groups[1].Value : throw new InvalidOperationException($"{job.Workflow}/{job.Id}: --only {stack} is not an app stack");
        }
        else if (WholePlan().IsMatch(script))
        {
            unit = "platform";
        }
        else
        {
            throw new InvalidOperationException($"{job.Workflow}/{job.Id} asks for an OIDC token but neither deploys a plan nor publishes a static app");
        }

        return $"{stages[0]}-{unit}";
    }

    /// <summary>Replaces <c>$NAME</c> and <c>${NAME}</c> (shell) and <c>${{ env.NAME }}</c> with the workflow's env values.</summary>
    private static string Expand(string text, Workflow workflow) =>
        Variable().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            return workflow.Env.TryGetValue(name, out var value) ? value : m.Value;
        });

    [GeneratedRegex(@"out/([A-Za-z0-9_-]+)/deploy-plan\.json|\bdeploy\s+""?out/([A-Za-z0-9_-]+)|--env\s+""?([A-Za-z0-9_-]+)")]
    private static partial Regex Stage();

    [GeneratedRegex(@"deploy-plan\.mjs|\bdeploy\s+""?out/")]
    private static partial Regex WholePlan();

    [GeneratedRegex(@"--app\s+""?([^""\s]+)")]
    private static partial Regex App();

    [GeneratedRegex(@"--only\s+(?:""([^""]+)""|(\S+))")]
    private static partial Regex Only();

    [GeneratedRegex(@"-app-([a-z0-9-]+)$")]
    private static partial Regex AppStack();

    [GeneratedRegex(@"\$\{\{\s*env\.([A-Z_]+)\s*\}\}|\$\{([A-Z_]+)\}|\$([A-Z_]+)")]
    private static partial Regex Variable();
}
