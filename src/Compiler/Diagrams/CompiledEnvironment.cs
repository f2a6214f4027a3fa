using System.Text.Json.Nodes;

namespace Trilho.Compiler.Diagrams;

/// <summary>A compiled environment as <c>trilho compile</c> writes it: <c>deploy-plan.json</c> and the templates beside it.</summary>
/// <param name="Platform">The platform name from the plan.</param>
/// <param name="Environment">The environment name from the plan.</param>
/// <param name="Stacks">The stacks in deploy order.</param>
/// <param name="Images">The plan's <c>pushImages</c> entries (repository and tag parameter per api app).</param>
public sealed record CompiledEnvironment(string Platform, string Environment, IReadOnlyList<StackStep> Stacks, IReadOnlyList<JsonObject> Images)
{
    /// <summary>The plan's file name inside an environment folder.</summary>
    public const string PlanFileName = "deploy-plan.json";

    /// <summary>Reads <paramref name="directory"/>/deploy-plan.json and every template it names.</summary>
    /// <exception cref="FileNotFoundException">The plan or one of its templates is missing.</exception>
    /// <exception cref="InvalidDataException">The plan is not a deploy plan.</exception>
    public static CompiledEnvironment Load(string directory)
    {
        var planPath = Path.Combine(directory, PlanFileName);
        if (!File.Exists(planPath))
        {
            throw new FileNotFoundException($"no {PlanFileName} in {directory}", planPath);
        }

        var plan = JsonNode.Parse(File.ReadAllText(planPath)) as JsonObject
            ?? throw new InvalidDataException($"{planPath} is not a JSON object");
        var steps = plan["steps"] as JsonArray ?? throw new InvalidDataException($"{planPath} has no steps");
        var stacks = new List<StackStep>();
        var images = new List<JsonObject>();
        foreach (var step in steps.OfType<JsonObject>())
        {
            switch (step["step"]?.GetValue<string>())
            {
                case "deployStack":
                    var templatePath = Path.Combine(directory, Text(step, "template"));
                    var template = JsonNode.Parse(File.ReadAllText(templatePath)) as JsonObject
                        ?? throw new InvalidDataException($"{templatePath} is not a JSON object");
                    stacks.Add(new StackStep(stacks.Count + 1, Text(step, "stack"), Text(step, "region"), template, step["parameters"] as JsonObject ?? []));
                    break;
                case "pushImages":
                    images.AddRange((step["images"] as JsonArray ?? []).OfType<JsonObject>());
                    break;
                default:
                    // Steps the diagram does not draw (none yet) are skipped rather than refused.
                    break;
            }
        }

        return new CompiledEnvironment(Text(plan, "platform"), Text(plan, "environment"), stacks, images);
    }

    /// <summary>The stack named <paramref name="name"/>, or null.</summary>
    public StackStep? Stack(string name) => Stacks.FirstOrDefault(s => s.Name == name);

    private static string Text(JsonObject node, string property) =>
        node[property]?.GetValue<string>() ?? throw new InvalidDataException($"deploy plan: missing '{property}'");
}
