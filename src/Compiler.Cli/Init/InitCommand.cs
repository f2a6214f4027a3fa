using System.CommandLine;
using System.Text.RegularExpressions;
using Trilho.Compiler.Cli.Commands;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Cli.Init;

/// <summary>
/// <c>trilho init</c>: scaffolds a repository that uses Trilho from NuGet. Writes platform.yaml (a starter, only
/// when there is none) with a schema modeline that works there, platform.schema.json beside it, the tool manifest
/// and the GitHub workflows generated from platform.yaml; prints the next steps. Re-running it refreshes what it
/// wrote and leaves every file the user changed alone.
/// </summary>
internal sealed partial class InitCommand : TrilhoCommand
{
    /// <summary>The file name of the schema written beside platform.yaml; the modeline points at it.</summary>
    public const string SchemaFileName = "platform.schema.json";

    private readonly Argument<string?> _folder = new("folder")
    {
        Description = "The repository to scaffold (default: the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _platform = new("--platform")
    {
        Description = "The platform name for a new platform.yaml (default: the folder's name, made a valid name).",
        HelpName = "name",
    };

    public InitCommand()
        : base("init", "Scaffold a repository: platform.yaml (a starter, only if there is none), platform.schema.json (what the editor validates against), .config/dotnet-tools.json (the trilho tool) and, from platform.yaml, .github/workflows/trilho-platform.yml (deploys every stack) and one trilho-team-<team>.yml per team with apps (ships its apps). Run it again after changing platform.yaml: files you changed are never overwritten.")
    {
        Add(_folder);
        Add(_platform);
    }

    protected override int Run(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(parsed.GetValue(_folder) ?? ".");
        Directory.CreateDirectory(root);
        var name = parsed.GetValue(_platform) ?? PlatformName(Path.GetFileName(root));
        if (!Regex.IsMatch(name, Patterns.PlatformName))
        {
            stderr.WriteLine($"trilho init: error: '{name}' is not a platform name: lowercase letters, digits and '-', starting with a letter, 2 to 20 characters. Pass --platform <name>.");
            return 2;
        }

        var files = new GeneratedFiles(root);
        var platformFile = Path.Combine(root, "platform.yaml");
        files.WriteOnce("platform.yaml", Starter(name));
        files.Write(SchemaFileName, SchemaGenerator.GenerateText());
        files.WriteOnce(".config/dotnet-tools.json", ToolManifest());

        var result = FrontEnd.AnalyzeFile(platformFile);
        foreach (var diagnostic in result.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToCanonicalString());
        }

        if (result.Platform is { } platform)
        {
            files.Write(WorkflowTemplates.PlatformWorkflow, WorkflowTemplates.Platform(platform, "platform.yaml"));
            files.Write(WorkflowTemplates.DiffWorkflow, WorkflowTemplates.Diff(platform, "platform.yaml"));
            foreach (var team in platform.Environments[0].Apps.Select(a => a.Team).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                files.Write(WorkflowTemplates.TeamWorkflow(team), WorkflowTemplates.Team(platform, team, "platform.yaml"));
            }
        }

        files.Save();
        foreach (var (path, outcome) in files.Outcomes)
        {
            stdout.WriteLine($"{outcome,-9} {path}");
        }

        if (result.Platform is null)
        {
            stderr.WriteLine("trilho init: platform.yaml has errors (above): fix them and run trilho init again to write the workflows.");
            return 1;
        }

        stdout.WriteLine(NextSteps);
        var environments = WorkflowTemplates.GitHubEnvironments(result.Platform);
        stdout.WriteLine(environments.Count == 0
            ? "     No environment is listed in delivery.github.environments: every role trusts runs on the branch, no GitHub environment is needed (warning TRL3003)."
            : $"     The GitHub environments to create (required reviewers, deployment branches: {result.Platform.Delivery?.Github?.Branch ?? "main"} only): {string.Join(", ", environments)}.");
        return 0;
    }

    private const string NextSteps = """

        Next steps (docs/getting-started.md walks through each):
          1. Edit platform.yaml: your teams, apps (and where their code is: apps.<id>.source), environments and
             accounts. Your editor validates it against platform.schema.json; `dotnet trilho check platform.yaml`
             does the same. Run `dotnet trilho init` again afterwards to refresh the workflows.
          2. Preview: `dotnet trilho compile platform.yaml --out out` then `dotnet trilho deploy out/dev --dry-run`.
          3. Once per environment, with administrator credentials: add `delivery: { github: { repository: <owner/name> } }`
             to platform.yaml, compile, and deploy out/<env>/<platform>-<env>-delivery.template.json with
             `aws cloudformation deploy --capabilities CAPABILITY_NAMED_IAM`: it creates the GitHub OIDC provider and
             the roles the workflows assume.
          4. On GitHub: create the environments the workflows name, then push. The platform workflow deploys
             everything; each team's workflow ships its apps. For each environment listed in delivery.github.environments
             the roles trust one GitHub environment per role: <env>-platform and <env>-team-<team>.
        """;

    private static string Starter(string name) => $$"""
        # yaml-language-server: $schema={{SchemaFileName}}
        # Your platform: `dotnet trilho check platform.yaml` validates it, `dotnet trilho init` refreshes the workflows.
        # Every field is described in the schema (hover in the editor) and in Trilho's docs/platform-yaml.md.
        platform: {{name}}
        region: us-east-1
        teams:
          core: { name: Core team, email: core@example.com }
        apps:
          api:
            type: api
            team: core
            path: /api
            # The image is built from apps/api/Dockerfile; for a .NET project without a Dockerfile use
            # source: { project: apps/api/Api.csproj }  (dotnet publish -t:PublishContainer)
        environments:
          dev: { account: "111111111111" }
        """ + "\n";

    private static string ToolManifest()
    {
        var version = typeof(InitCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.1.0";
        return $$"""
            {
              "version": 1,
              "isRoot": true,
              "tools": {
                "trilho": {
                  "version": "{{version}}",
                  "commands": ["trilho"],
                  "rollForward": false
                }
              }
            }
            """ + "\n";
    }

    private static string PlatformName(string folder)
    {
        var name = NonName().Replace(folder.ToLowerInvariant(), "-").Trim('-');
        name = name.Length > 20 ? name[..20].TrimEnd('-') : name;
        return Regex.IsMatch(name, Patterns.PlatformName) ? name : "platform";
    }

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NonName();
}
