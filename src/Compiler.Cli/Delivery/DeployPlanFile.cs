using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>Reads a <c>deploy-plan.json</c> (format 1, written by <c>trilho compile</c>).</summary>
public static class DeployPlanFile
{
    /// <summary>The plan format this tool executes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The plan's file name inside an environment folder.</summary>
    public const string FileName = "deploy-plan.json";

    /// <summary>
    /// Reads <paramref name="path"/>: an environment folder (<c>&lt;out&gt;/&lt;env&gt;</c>) or the plan file itself.
    /// </summary>
    /// <exception cref="DeliveryException">No plan there, unreadable, or another format version.</exception>
    public static (JsonObject Plan, string Directory) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = System.IO.Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
        {
            throw new DeliveryException(System.IO.Directory.Exists(path)
                ? $"no {FileName} in {path}: compile first (trilho compile platform.yaml --out <dir>, or dotnet build) and pass <dir>/<env>"
                : $"not found: {path} (pass the environment folder <out>/<env> that trilho compile wrote)");
        }

        JsonObject? plan;
        try
        {
            plan = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
        }
        catch (JsonException e)
        {
            throw new DeliveryException($"cannot read plan {file}: {e.Message}", e);
        }

        if (plan is null)
        {
            throw new DeliveryException($"cannot read plan {file}: not a JSON object");
        }

        var version = plan["formatVersion"]?.GetValueKind() == JsonValueKind.Number ? plan["formatVersion"]!.GetValue<int>() : (int?)null;
        if (version != FormatVersion)
        {
            throw new DeliveryException($"{file} has formatVersion {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; this tool reads version {FormatVersion}. Deploy with the trilho tool of the same version as the compiler that wrote it.");
        }

        if (plan["steps"] is not JsonArray)
        {
            throw new DeliveryException($"{file} has no steps");
        }

        return (plan, Path.GetDirectoryName(Path.GetFullPath(file))!);
    }

    /// <summary>Text of <paramref name="node"/>[<paramref name="name"/>], or null.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
