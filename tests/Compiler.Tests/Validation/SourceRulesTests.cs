namespace Trilho.Compiler.Tests.Validation;

/// <summary>apps.&lt;id&gt;.source paths are checked beside platform.yaml when the file is on disk (TRL2049).</summary>
public sealed class SourceRulesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("trilho-source-").FullName;

    private const string Platform = """
        platform: shop
        region: sa-east-1
        teams:
          checkout: { name: Checkout, email: checkout@example.com }
        apps:
          orders:
            type: api
            team: checkout
            path: /orders
            source: { path: src/Orders }
          admin:
            type: static
            team: checkout
            path: /admin
            source: { path: web/dist }
        environments:
          dev: { account: "111111111111" }
        """;

    private List<string> Check(string platform, params string[] files)
    {
        foreach (var file in files)
        {
            var full = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!file.EndsWith('/'))
            {
                File.WriteAllText(full, "x");
            }
        }

        var path = Path.Combine(_root, "platform.yaml");
        File.WriteAllText(path, platform);
        return FrontEnd.AnalyzeFile(path).Diagnostics.Select(d => d.ToCanonicalString().Replace(path, "platform.yaml", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void Folders_and_dockerfile_that_exist_pass() =>
        Assert.Empty(Check(Platform, "src/Orders/Dockerfile", "web/dist/index.html"));

    [Fact]
    public void A_missing_folder_is_reported_at_its_line_once()
    {
        var diagnostics = Check(Platform, "web/dist/index.html");
        var single = Assert.Single(diagnostics);
        Assert.StartsWith("platform.yaml(10,21): error TRL2049: app 'orders' source.path is 'src/Orders', but no such folder exists beside platform.yaml: trilho push-image would fail.", single, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_its_default_dockerfile_is_reported_at_the_folder()
    {
        var single = Assert.Single(Check(Platform, "src/Orders/", "web/dist/index.html"));
        Assert.StartsWith("platform.yaml(10,21): error TRL2049: app 'orders' source.dockerfile is 'src/Orders/Dockerfile'", single, StringComparison.Ordinal);
        Assert.Contains("set 'source.dockerfile' or 'source.project'", single, StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_build_folder_that_does_not_exist_yet_is_fine_with_a_build_command_and_an_error_without()
    {
        var missing = Assert.Single(Check(Platform, "src/Orders/Dockerfile"));
        Assert.Contains("TRL2049: app 'admin' source.path is 'web/dist'", missing, StringComparison.Ordinal);
        Assert.Contains("trilho publish-static would fail", missing, StringComparison.Ordinal);
        Assert.Empty(Check(Platform.Replace("source: { path: web/dist }", "source: { path: web/dist, build: npm run build }", StringComparison.Ordinal), "src/Orders/Dockerfile"));
    }

    [Fact]
    public void A_dotnet_project_needs_no_dockerfile()
    {
        var platform = Platform.Replace("source: { path: src/Orders }", "source: { path: src/Orders, project: src/Orders/Orders.csproj }", StringComparison.Ordinal);
        Assert.Empty(Check(platform, "src/Orders/Orders.csproj", "web/dist/index.html"));
        Assert.Contains("source.project is 'src/Orders/Missing.csproj', but no such file", Assert.Single(Check(platform.Replace("Orders.csproj", "Missing.csproj", StringComparison.Ordinal), "web/dist/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Apps_without_source_are_not_checked_since_their_code_may_live_in_another_repository() =>
        Assert.Empty(Check(Platform.Replace("    source: { path: src/Orders }\n", string.Empty, StringComparison.Ordinal).Replace("    source: { path: web/dist }\n", string.Empty, StringComparison.Ordinal)));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
