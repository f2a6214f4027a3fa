using System.Text;
using System.Text.Json.Nodes;

namespace Trilho.Compiler.Monitoring.Tests;

/// <summary>A synthesized CloudFormation template with queries the requirement tests share.</summary>
public sealed class Template
{
    private Template(string name, string path, string text)
    {
        Name = name;
        Path = path;
        Text = text;
        Json = JsonNode.Parse(text)!.AsObject();
    }

    public string Name { get; }

    public string Path { get; }

    public string Text { get; }

    public JsonObject Json { get; }

    public JsonObject Resources => Json[nameof(Resources)]!.AsObject();

    public JsonObject Parameters => Json[nameof(Parameters)]?.AsObject() ?? [];

    public static Template Load(string outDir, string stackName)
    {
        var path = System.IO.Path.Combine(outDir, stackName + ".template.json");
        return new Template(stackName, path, File.ReadAllText(path));
    }

    public JsonObject Resource(string logicalId) =>
        Resources[logicalId]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{Name} has no resource {logicalId}; it has: {string.Join(", ", Resources.Select(r => r.Key))}");

    public JsonObject Properties(string logicalId) => Resource(logicalId)["Properties"]!.AsObject();

    public IEnumerable<KeyValuePair<string, JsonObject>> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type).Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()));

    /// <summary>Alarms and composite alarms, with their properties.</summary>
    public IEnumerable<KeyValuePair<string, JsonObject>> Alarms =>
        OfType("AWS::CloudWatch::Alarm").Concat(OfType("AWS::CloudWatch::CompositeAlarm"))
            .Select(r => KeyValuePair.Create(r.Key, r.Value["Properties"]!.AsObject()));

    /// <summary>Logical IDs of the topics an alarm notifies.</summary>
    public static IReadOnlyList<string> ActionTopics(JsonObject alarmProperties) =>
        (alarmProperties["AlarmActions"]?.AsArray() ?? []).Select(a => (string)a!["Ref"]!).ToList();

    /// <summary>Team id of a topic, from its name <c>&lt;prefix&gt;-&lt;team&gt;-alarms[-edge]</c>.</summary>
    public string TeamOfTopic(string topicLogicalId, string prefix)
    {
        var name = (string)Properties(topicLogicalId)["TopicName"]!;
        var rest = name[(prefix.Length + 1)..];
        return rest[..rest.IndexOf("-alarms", StringComparison.Ordinal)];
    }

    /// <summary>
    /// A dashboard body with its CloudFormation tokens replaced by readable placeholders (<c>${Ref:X}</c>),
    /// parsed as JSON.
    /// </summary>
    public JsonObject DashboardBody(string logicalId)
    {
        var body = Properties(logicalId)["DashboardBody"]!;
        if (body is JsonValue)
        {
            return JsonNode.Parse((string)body!)!.AsObject();
        }

        var builder = new StringBuilder();
        foreach (var part in body["Fn::Join"]![1]!.AsArray())
        {
            builder.Append(part is JsonValue ? (string)part! : Placeholder(part!.AsObject()));
        }

        return JsonNode.Parse(builder.ToString())!.AsObject();
    }

    /// <summary>A property that may be a plain string or an Fn::Join, as text with placeholders.</summary>
    public static string Flatten(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value => (string)value!,
        JsonObject o when o["Fn::Join"] is { } join => string.Concat(join[1]!.AsArray().Select(p => p is JsonValue ? (string)p! : Placeholder(p!.AsObject()))),
        JsonObject o => Placeholder(o),
        _ => node.ToJsonString(),
    };

    private static string Placeholder(JsonObject token) => token switch
    {
        _ when token["Ref"] is { } reference => $"${{Ref:{(string)reference!}}}",
        _ when token["Fn::GetAtt"] is { } attribute => $"${{GetAtt:{(string)attribute[0]!}.{(string)attribute[1]!}}}",
        _ => "${" + token.ToJsonString().Replace("\"", string.Empty, StringComparison.Ordinal) + "}",
    };
}
