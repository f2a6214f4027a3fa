using System.Text.Json.Nodes;

namespace Trilho.Compiler.Synthesis;

/// <summary>
/// The deploy-plan.json of an environment: steps in order, each either deploying one stack (template file, stack name,
/// size and whether it is too large to deploy without <c>--s3-bucket</c>, region, capabilities, parameters), running a
/// one-off ECS task and waiting for it (runTask), or pushing the api apps' images. An optional <c>acknowledgedReplacements</c>
/// lists the resources the deploy may replace or delete (for <c>trilho diff</c>). Parameter values are <c>{"value": ...}</c>
/// (with <c>"firstCreate"</c> when the stack's first create takes another value and an update follows),
/// <c>{"fromStack": ..., "region": ..., "output": ...}</c>, <c>{"imageTag": app}</c> or <c>{"command": ...}</c>.
/// </summary>
public static class DeployPlanJson
{
    /// <summary>Version of this format; bumped on breaking changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Serializes <paramref name="plan"/>.</summary>
    public static string Write(DeployPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = new JsonArray();
        foreach (var stack in plan.Stacks)
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in stack.Parameters)
            {
                parameters[name] = Value(value);
            }

            steps.Add(new JsonObject
            {
                ["step"] = "deployStack",
                ["stack"] = stack.StackName,
                ["region"] = stack.Region,
                ["template"] = stack.FileName,
                ["templateBytes"] = stack.TemplateBytes,
                ["needsS3Upload"] = stack.NeedsS3Upload,
                ["capabilities"] = new JsonArray(stack.Capabilities.Select(c => (JsonNode)c).ToArray()),
                ["parameters"] = parameters,
            });

            foreach (var task in (plan.Tasks ?? []).Where(t => t.AfterStack == stack.StackName))
            {
                steps.Add(new JsonObject
                {
                    ["step"] = "runTask",
                    ["name"] = task.Name,
                    ["description"] = task.Description,
                    ["region"] = task.Region,
                    ["cluster"] = Value(task.Cluster),
                    ["taskDefinition"] = Value(task.TaskDefinition),
                    ["container"] = task.Container,
                    ["subnets"] = new JsonArray(task.Subnets.Select(s => (JsonNode)Value(s)).ToArray()),
                    ["securityGroup"] = Value(task.SecurityGroup),
                    ["logGroup"] = Value(task.LogGroup),
                    ["logStreamPrefix"] = task.LogStreamPrefix,
                });
            }

            if (stack.StackName == plan.PushImagesAfter)
            {
                steps.Add(new JsonObject
                {
                    ["step"] = "pushImages",
                    ["description"] = "Build each api app's image (linux/amd64) and push it with a new, unique tag (repositories reject tag reuse); the app stacks below run that tag. The app stacks cannot deploy before their image exists.",
                    ["images"] = new JsonArray(plan.Images.Select(i => (JsonNode)new JsonObject
                    {
                        ["app"] = i.AppId,
                        ["repositoryUri"] = Value(i.RepositoryUri),
                        ["tagParameter"] = new JsonObject { ["stack"] = i.Stack, ["parameter"] = i.TagParameter },
                    }).ToArray()),
                });
            }
        }

        var root = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["platform"] = plan.Platform,
            ["environment"] = plan.Environment,
            ["account"] = plan.Account,
            ["steps"] = steps,
        };
        // Only when set, so plans without acknowledgements keep their bytes.
        if (plan.AcknowledgedReplacements.Count > 0)
        {
            root[Diff.EnvironmentDiff.AcknowledgedField] = new JsonArray(plan.AcknowledgedReplacements.Select(a => (JsonNode)a).ToArray());
        }

        return TemplateJson.Write(root);
    }

    private static JsonObject Value(ParameterValue value) => value switch
    {
        { Value: { } literal, FirstCreate: { } first } => new JsonObject { ["value"] = literal, ["firstCreate"] = first },
        { Value: { } literal } => new JsonObject { ["value"] = literal },
        { FromStack: { } stack } => new JsonObject { ["fromStack"] = stack, ["region"] = value.FromRegion, ["output"] = value.Output },
        { ImageTagOf: { } app } => new JsonObject { ["imageTag"] = app },
        _ => new JsonObject { ["command"] = value.Command },
    };
}
