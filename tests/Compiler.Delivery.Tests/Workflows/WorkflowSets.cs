
namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// The workflow sets the rules hold for: this repository's own, and what <c>trilho init</c> writes for a user's
/// platform.yaml (the sample's, and one with two teams and an ungated stage before a gated one). The generated sets
/// come from the generator itself (InitCommand into a temporary folder, no packing), so a rule cannot drift between
/// this repository and the workflows its users get.
/// </summary>
public static class WorkflowSets
{
    public const string Repository = "repository";
    public const string Sample = "init: samples/desafio-aws";
    public const string TwoTeams = "init: two teams";

    private static readonly Dictionary<string, IReadOnlyList<Workflow>> Cache = [];
    private static readonly Lock Gate = new();

    /// <summary>Every set.</summary>
    public static IReadOnlyList<string> All => [Repository, Sample, TwoTeams];

    /// <summary>Every set, for [MemberData].</summary>
    public static TheoryData<string> Names => [.. All];

    /// <summary>The generated sets only.</summary>
    public static TheoryData<string> Generated => [Sample, TwoTeams];

    /// <summary>The platform.yaml the workflows of <paramref name="name"/> deploy (this repository's workflows deploy the sample).</summary>
    public static string PlatformYaml(string name) => name == TwoTeams ? Platforms.TwoTeams : Platforms.Sample();

    public static IReadOnlyList<Workflow> Get(string name)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(name, out var workflows))
            {
                workflows = name switch
                {
                    Repository => Workflow.LoadAll(),
                    Sample => Generate(Trilho.Testing.RepositoryRoot.Combine("samples", "desafio-aws"), null),
                    _ => Generate(null, PlatformYaml(name)),
                };
                Cache[name] = workflows;
            }

            return workflows;
        }
    }

    /// <summary>
    /// The workflows <c>trilho init</c> writes in a copy of <paramref name="repository"/> (whose app sources init checks
    /// exist) or in a folder holding only <paramref name="yaml"/> as platform.yaml.
    /// </summary>
    public static IReadOnlyList<Workflow> Generate(string? repository, string? yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trilho-init-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            if (repository is not null)
            {
                Copy(repository, folder);
            }

            if (yaml is not null)
            {
                File.WriteAllText(Path.Combine(folder, "platform.yaml"), yaml);
            }

            var output = new StringWriter();
            var exit = Trilho.Compiler.Cli.Cli.Run(["init", folder], output, output);
            Assert.True(exit == 0, output.ToString());
            return Workflow.LoadAll(Path.Combine(folder, ".github", "workflows"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules" or ".github"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
