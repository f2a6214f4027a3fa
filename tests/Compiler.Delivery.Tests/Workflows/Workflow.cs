using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>A concurrency setting as written: the group (maybe an expression) and cancel-in-progress (maybe an expression).</summary>
public sealed record Concurrency(string Group, string CancelInProgress);

/// <summary>One <c>uses:</c> step: the reference, the comment on its line (where the tag of a pinned SHA is written) and its <c>with:</c> inputs.</summary>
public sealed record ActionUse(string Reference, string LineComment, int Line, IReadOnlyDictionary<string, string> With);

/// <summary>One job of a workflow, as GitHub reads it.</summary>
public sealed record WorkflowJob(
    string Workflow,
    string Id,
    IReadOnlyList<string> Needs,
    string? Environment,
    string? If,
    Concurrency? Concurrency,
    bool IdTokenWrite,
    IReadOnlyList<ActionUse> Uses,
    IReadOnlyList<string> RunScripts)
{
    /// <summary>A job whose GitHub environment is a prod one (<c>prod</c>, <c>prod-backend</c>, <c>backend-prod</c>): required reviewers gate it.</summary>
    public bool NeedsApproval => Environment is not null && Regex.IsMatch(Environment, "(^|[-_])prod($|[-_])", RegexOptions.IgnoreCase);

    /// <summary>True when the job can reach AWS: it asks GitHub for an OIDC token.</summary>
    public bool Deploys => IdTokenWrite;
}

/// <summary>A workflow file parsed with a YAML parser: its triggers, workflow-level concurrency, env and jobs.</summary>
public sealed record Workflow(
    string File,
    IReadOnlySet<string> PushBranches,
    Concurrency? Concurrency,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<WorkflowJob> Jobs)
{
    /// <summary>Every workflow under <c>.github/workflows</c> of this repository.</summary>
    public static IReadOnlyList<Workflow> LoadAll() => LoadAll(Trilho.Testing.RepositoryRoot.Combine(".github", "workflows"));

    /// <summary>Every workflow in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<Workflow> LoadAll(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(Path.GetFileName(f), System.IO.File.ReadAllText(f)))
            .ToList();

    /// <summary>Parses one workflow's text.</summary>
    public static Workflow Parse(string file, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var lines = text.Split('\n');

        var branches = new HashSet<string>(StringComparer.Ordinal);
        // YAML 1.1 readers see the key "on" as a boolean; YamlDotNet's representation model keeps it as the scalar "on".
        if (Child(root, "on") is YamlMappingNode on && Child(on, "push") is YamlMappingNode push && Child(push, "branches") is YamlSequenceNode list)
        {
            branches.UnionWith(list.Children.Select(Scalar));
        }

        var env = Child(root, "env") is YamlMappingNode envNode
            ? envNode.Children.ToDictionary(p => Scalar(p.Key), p => Scalar(p.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var jobs = new List<WorkflowJob>();
        foreach (var (key, value) in ((YamlMappingNode)Child(root, "jobs")!).Children)
        {
            var job = (YamlMappingNode)value;
            var needs = Child(job, "needs") switch
            {
                YamlScalarNode one => [one.Value!],
                YamlSequenceNode many => many.Children.Select(Scalar).ToList(),
                _ => new List<string>(),
            };
            var environment = Child(job, "environment") switch
            {
                YamlScalarNode name => name.Value,
                YamlMappingNode withUrl => Child(withUrl, "name") is YamlScalarNode n ? n.Value : null,
                _ => null,
            };
            var idToken = Child(job, "permissions") is YamlMappingNode permissions && Child(permissions, "id-token") is YamlScalarNode token && token.Value == "write";
            var uses = new List<ActionUse>();
            var runs = new List<string>();
            if (Child(job, "steps") is YamlSequenceNode steps)
            {
                foreach (var step in steps.Children.OfType<YamlMappingNode>())
                {
                    if (Child(step, "uses") is YamlScalarNode use)
                    {
                        var line = lines[(int)use.Start.Line - 1];
                        var hash = line.IndexOf(" #", (int)use.End.Column - 1, StringComparison.Ordinal);
                        var with = Child(step, "with") is YamlMappingNode inputs
                            ? inputs.Children.ToDictionary(p => Scalar(p.Key), p => Scalar(p.Value), StringComparer.Ordinal)
                            : new Dictionary<string, string>(StringComparer.Ordinal);
                        uses.Add(new ActionUse(use.Value!, hash < 0 ? string.Empty : line[(hash + 2)..].Trim(), (int)use.Start.Line, with));
                    }

                    if (Child(step, "run") is YamlScalarNode run)
                    {
                        runs.Add(run.Value!);
                    }
                }
            }

            var condition = Child(job, "if") is YamlScalarNode ifNode ? ifNode.Value : null;
            jobs.Add(new WorkflowJob(file, Scalar(key), needs, environment, condition, ReadConcurrency(Child(job, "concurrency")), idToken, uses, runs));
        }

        return new Workflow(file, branches, ReadConcurrency(Child(root, "concurrency")), env, jobs);
    }

    private static Concurrency? ReadConcurrency(YamlNode? node) => node switch
    {
        YamlScalarNode group => new Concurrency(group.Value!, "false"),
        YamlMappingNode map => new Concurrency(Scalar(Child(map, "group")!), Child(map, "cancel-in-progress") is YamlScalarNode c ? c.Value! : "false"),
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
