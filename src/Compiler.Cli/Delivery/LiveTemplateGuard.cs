using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// Before a deploy changes anything: compares each plan stack that exists with the template it runs now
/// (<c>aws cloudformation get-template</c>), with the rules of <c>trilho diff</c>, and refuses the whole plan when a
/// stateful resource would be replaced or deleted without the plan's <c>acknowledgedReplacements</c> naming it.
/// The live template is the truth: the pull request's diff compared two compiled outputs, but the environment may run
/// something else (a deploy from another branch, a rollback, a hand edit).
/// Stacks of the environment that the plan no longer has are not looked at: <c>trilho deploy</c> never deletes a stack,
/// so deploying cannot destroy them (trilho diff on the pull request reports them as removed).
/// </summary>
/// <param name="describe">The stack's description, or null when it does not exist (the deployer's cached describe-stacks).</param>
/// <param name="aws">Runs the AWS CLI.</param>
internal sealed class LiveTemplateGuard(Func<string, string, JsonObject?> describe, Func<string[], ProcessResult> aws)
{
    /// <summary>Whether the last <see cref="Check"/> refused the plan (rather than failing to read a live stack).</summary>
    public bool Refused { get; private set; }

    /// <summary>
    /// Checks <paramref name="steps"/> (deployStack steps) of <paramref name="plan"/> read from <paramref name="planDirectory"/>;
    /// writes the changes and warnings to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="DeliveryException">A stateful resource would be replaced or deleted without acknowledgement, or a live template cannot be read.</exception>
    public void Check(JsonObject plan, string planDirectory, IReadOnlyList<JsonObject> steps, TextWriter log)
    {
        var comparer = new TemplateComparer(ReplacementCatalog.Default);
        var stacks = new List<StackChange>();
        foreach (var step in steps)
        {
            var stack = DeployPlanFile.Text(step, "stack")!;
            var region = DeployPlanFile.Text(step, "region")!;
            if (StackStatus.HoldsNothingToLose(describe(stack, region)))
            {
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(planDirectory, DeployPlanFile.Text(step, "template")!));
            var planned = File.Exists(file)
                ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                : throw new DeliveryException($"stack {stack}: its template {file} is missing from the plan's folder");
            stacks.Add(new StackChange(stack, region, StackChangeKind.Kept, comparer.Compare(stack, Live(stack, region), planned)));
        }

        if (stacks.Count == 0)
        {
            return;
        }

        var checkedStacks = stacks.Select(s => $"{s.Name}/").ToList();
        var acknowledged = (plan[EnvironmentDiff.AcknowledgedField] as JsonArray ?? []).Select(a => a?.GetValue<string>() ?? string.Empty)
            .Where(a => checkedStacks.Any(s => a.StartsWith(s, StringComparison.Ordinal))).ToList();
        var name = $"{DeployPlanFile.Text(plan, "platform")}/{DeployPlanFile.Text(plan, "environment")}";
        var diff = new EnvironmentDiff($"{name} (live)", name, stacks, acknowledged, ReplacementCatalog.Default.Source);
        var report = new DiffReport(diff, DeployPlanFile.Text(plan, "environment") ?? string.Empty);
        log.WriteLine("== changes against the live templates");
        report.Write(log);
        if (report.ExitCode != 0)
        {
            Refused = true;
            var errors = report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToCanonicalString());
            throw new DeliveryException(
                "the plan would replace or delete a resource that holds data, compared with the templates the stacks run now; nothing was deployed.\n"
                + string.Join('\n', errors)
                + "\nIf losing it is intended, list it under acknowledgedReplacements of the environment in platform.yaml, compile and deploy again (docs/safe-changes.md).");
        }
    }

    /// <summary>The template the stack runs now, as submitted (no transforms are used, so Original is what runs).</summary>
    private JsonObject Live(string stack, string region)
    {
        var result = aws(["cloudformation", "get-template", "--stack-name", stack, "--region", region, "--template-stage", "Original", "--query", "TemplateBody", "--output", "json"]);
        if (!result.Succeeded)
        {
            throw new DeliveryException($"cannot read the template stack {stack} runs in {region} (needed to check the plan destroys no data; the deploy role needs cloudformation:GetTemplate, which a delivery stack deployed by an older Trilho does not grant: redeploy it once with the bootstrap command of docs/delivery.md): {result.Stderr.Trim()}");
        }

        // The CLI returns a JSON template body as an object, a YAML one as a string.
        var body = JsonNode.Parse(result.Stdout);
        if (body is JsonValue text && text.TryGetValue<string>(out var inner))
        {
            try
            {
                body = JsonNode.Parse(inner);
            }
            catch (JsonException)
            {
                throw new DeliveryException($"stack {stack} in {region} runs a YAML template, so it was not deployed by trilho; compare it by hand (aws cloudformation get-template) before deploying over it");
            }
        }

        return body as JsonObject ?? throw new DeliveryException($"stack {stack} in {region}: get-template returned no template");
    }
}
