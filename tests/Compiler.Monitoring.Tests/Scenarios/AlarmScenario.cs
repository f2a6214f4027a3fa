using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios;

/// <summary>
/// One scenario file (<c>Scenarios/*.yaml</c>), in the spirit of <c>promtool test rules</c>: which compiled
/// environment, input series per metric, and what must happen. See <c>Scenarios/README.md</c> for the format.
/// </summary>
public sealed record AlarmScenario(
    string File,
    string Title,
    string Platform,
    string Environment,
    int Minutes,
    IReadOnlyDictionary<string, string> Series,
    IReadOnlySet<string> MayBeUnread,
    IReadOnlyList<(string Alarm, int Minute, string State)> States,
    IReadOnlyList<string> NeverAlarm,
    IReadOnlyList<string>? Paged,
    IReadOnlyDictionary<string, string> Lights,
    bool? Rollback,
    IReadOnlyDictionary<string, bool> RollbackOf,
    bool Stable,
    IReadOnlyDictionary<string, string> Availability,
    int AvailabilityFrom)
{
    /// <summary>The folder that holds the scenario files, in the source tree.</summary>
    public static string Folder => Trilho.Testing.RepositoryRoot.Combine("tests", "Compiler.Monitoring.Tests", "Scenarios");

    /// <summary>Every scenario file name, sorted.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Reads <paramref name="file"/> from <see cref="Folder"/>.</summary>
    public static AlarmScenario Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Folder, file)))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var series = new Dictionary<string, string>(StringComparer.Ordinal);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(root, "series"))
        {
            var name = Scalar(key);
            if (name.StartsWith('~'))
            {
                name = name[1..].Trim();
                unread.Add(name);
            }

            series[name] = Scalar(value);
        }

        var expect = Child(root, "expect") as YamlMappingNode ?? throw new FormatException($"{file}: no expect section");
        var states = new List<(string, int, string)>();
        foreach (var (alarm, timeline) in Map(expect, "states"))
        {
            foreach (var (minute, state) in ((YamlMappingNode)timeline).Children)
            {
                states.Add((Scalar(alarm), int.Parse(Scalar(minute), CultureInfo.InvariantCulture), Scalar(state)));
            }
        }

        return new AlarmScenario(
            file,
            Scalar(Child(root, "title")!),
            Scalar(Child(root, "platform")!),
            Scalar(Child(root, "environment")!),
            int.Parse(Scalar(Child(root, "minutes")!), CultureInfo.InvariantCulture),
            series,
            unread,
            states,
            List(expect, "neverAlarm") ?? [],
            List(expect, "paged"),
            Map(expect, "lights").ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal),
            Child(expect, "rollback") is YamlScalarNode rollback ? bool.Parse(Scalar(rollback)) : null,
            Map(expect, "rollback").ToDictionary(kv => Scalar(kv.Key), kv => bool.Parse(Scalar(kv.Value)), StringComparer.Ordinal),
            Child(expect, "stable") is { } stable && bool.Parse(Scalar(stable)),
            Map(expect, "availability").ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal),
            Child(expect, "availabilityFrom") is { } from ? int.Parse(Scalar(from), CultureInfo.InvariantCulture) : 0);
    }

    public override string ToString() => File;

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Map(YamlMappingNode node, string key) =>
        Child(node, key) is YamlMappingNode map ? map.Children : [];

    private static List<string>? List(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode list ? list.Children.Select(Scalar).ToList() : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
