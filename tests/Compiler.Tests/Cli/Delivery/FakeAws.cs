using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Cli.Delivery;

namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary>
/// A scratch folder with the fake <c>aws</c> and <c>docker</c> (fakes/), their state and call logs, and a way to run
/// the trilho command against them in-process.
/// </summary>
internal sealed class FakeAws : IDisposable
{
    public FakeAws(JsonObject? state = null)
    {
        Folder = Directory.CreateTempSubdirectory("trilho-fake-aws-").FullName;
        var initial = state ?? [];
        initial["afterDeploy"] ??= Outputs.DeepClone();
        File.WriteAllText(StateFile, initial.ToJsonString());
    }

    public static string FixturesFolder => Repository.PathOf("tests", "Compiler.Tests", "Cli", "Delivery", "fixtures");

    public static string Plan => Path.Combine(FixturesFolder, "deploy-plan.json");

    /// <summary>What each fixture stack's deploy creates (fixtures/outputs.json).</summary>
    public static JsonObject Outputs => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesFolder, "outputs.json")))!;

    public string Folder { get; }

    private string StateFile => Path.Combine(Folder, "state.json");

    private string AwsLog => Path.Combine(Folder, "aws.log");

    private string DockerLog => Path.Combine(Folder, "docker.log");

    public string PushLog => Path.Combine(Folder, "push.log");

    public Tools Tools(IReadOnlyDictionary<string, string>? extra = null)
    {
        var fakes = Repository.PathOf("tests", "Compiler.Tests", "Cli", "Delivery", "fakes");
        var environment = new Dictionary<string, string>
        {
            ["FAKE_AWS_LOG"] = AwsLog,
            ["FAKE_AWS_STATE"] = StateFile,
            ["FAKE_DOCKER_LOG"] = DockerLog,
            ["PUSH_LOG"] = PushLog,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new Tools(Path.Combine(fakes, "aws"), Path.Combine(fakes, "docker"), Path.Combine(fakes, "dotnet-not-used"), "sh", environment);
    }

    public (int Code, string Out, string Err) Run(params string[] arguments) => RunWith(null, arguments);

    public (int Code, string Out, string Err) RunWith(IReadOnlyDictionary<string, string>? extra, params string[] arguments)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Compiler.Cli.Cli.Run(arguments, stdout, stderr, Tools(extra));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every aws call, in order, as its argument list.</summary>
    public List<string[]> Calls => File.Exists(AwsLog)
        ? File.ReadAllLines(AwsLog).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList()
        : [];

    public List<string> DockerCalls => File.Exists(DockerLog) ? [.. File.ReadAllLines(DockerLog)] : [];

    public List<string> Pushes => File.Exists(PushLog) ? [.. File.ReadAllLines(PushLog)] : [];

    public JsonObject State => (JsonObject)JsonNode.Parse(File.ReadAllText(StateFile))!;

    public List<string[]> Deploys => Calls.Where(c => c is ["cloudformation", "deploy", ..]).ToList();

    public static string Flag(string[] call, string name) => call[Array.IndexOf(call, name) + 1];

    public static string[] Overrides(string[] call) =>
        Array.IndexOf(call, "--parameter-overrides") is var at and >= 0 ? call[(at + 1)..] : [];

    /// <summary>State with <paramref name="names"/> deployed as the fixture outputs say, plus <paramref name="extra"/> fields per stack.</summary>
    public static JsonObject Existing(IEnumerable<string> names, JsonObject? extra = null)
    {
        var stacks = new JsonObject();
        foreach (var name in names)
        {
            var stack = (JsonObject)Outputs[name]!.DeepClone();
            stack["TemplateBody"] = Template(name);
            foreach (var (key, value) in extra?[name] as JsonObject ?? [])
            {
                stack[key] = value?.DeepClone();
            }

            stacks[name] = stack;
        }

        return new JsonObject { ["stacks"] = stacks };
    }

    /// <summary>The fixture template of stack <paramref name="name"/> (fixtures/&lt;name&gt;.template.json).</summary>
    public static JsonObject Template(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesFolder, $"{name}.template.json")))!;

    /// <summary>
    /// A copy of the fixture plan and its templates under this folder as <paramref name="name"/>/deploy-plan.json,
    /// its steps array changed by <paramref name="change"/>.
    /// </summary>
    public string PlanVariant(string name, Action<JsonArray> change) => PlanWith(name, plan => change(plan["steps"]!.AsArray()));

    /// <summary>A copy of the fixture plan and its templates, the whole plan changed by <paramref name="change"/>.</summary>
    public string PlanWith(string name, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var plan = (JsonObject)JsonNode.Parse(File.ReadAllText(Plan))!;
        change(plan);
        var copy = Path.Combine(Folder, name, "deploy-plan.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, plan.ToJsonString());
        foreach (var template in Directory.GetFiles(FixturesFolder, "*.template.json"))
        {
            File.Copy(template, Path.Combine(Path.GetDirectoryName(copy)!, Path.GetFileName(template)), overwrite: true);
        }

        return copy;
    }

    /// <summary>Replaces the state file, e.g. once a test "fixed the cause" between two runs.</summary>
    public void SetState(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        File.WriteAllText(StateFile, state.ToJsonString());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
