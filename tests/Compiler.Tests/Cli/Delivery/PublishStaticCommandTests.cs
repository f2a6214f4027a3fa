using System.Text.Json.Nodes;
using Trilho.Compiler.Cli.Delivery;
using static Trilho.Compiler.Tests.Cli.Delivery.FakeAws;

namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary><c>trilho publish-static</c> against the fake AWS CLI: what is uploaded, with which headers, in which order, and what is deleted when.</summary>
public sealed class PublishStaticCommandTests
{
    private const string Bucket = "shop-dev-app-admin-bucket-1";

    private static readonly (string Path, string Content)[] Site =
    [
        ("web/dist/index.html", "<script src=assets/index-BkU2x9_q.js></script>"),
        ("web/dist/orders/index.html", "<p>nested page"),
        ("web/dist/assets/index-BkU2x9_q.js", "js"),
        ("web/dist/chunk.3f9a1c2b.js", "chunk"),
        ("web/dist/favicon.ico", "icon"),
        ("web/dist/robots.txt", "User-agent: *"),
        ("web/dist/img/logo.png", "png"),
        ("web/dist/.env", "SECRET=1"),
        ("web/dist/.git/config", "[core]"),
        ("src/Orders/Dockerfile", "FROM scratch"),
    ];

    private static JsonObject Deployed(params string[] objects) => new()
    {
        ["stacks"] = new JsonObject
        {
            ["shop-dev-app-admin"] = new JsonObject { ["Outputs"] = new JsonArray(new JsonObject { ["OutputKey"] = "BucketName", ["OutputValue"] = Bucket }) },
            ["shop-dev-edge"] = new JsonObject { ["Outputs"] = new JsonArray(new JsonObject { ["OutputKey"] = "DistributionId", ["OutputValue"] = "E1DIST" }) },
        },
        ["objects"] = new JsonObject { [Bucket] = new JsonArray(objects.Select(o => (JsonNode)o).ToArray()) },
    };

    [Fact]
    public void Publishes_every_file_of_the_build_folder_except_dotfiles_under_the_app_path_with_the_cache_rule_of_its_kind()
    {
        using var aws = new FakeAws(Deployed());
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: Site);
        var (code, _, error) = aws.Run("publish-static", platform, "--env", "dev", "--app", "admin");
        Assert.True(code == 0, error);

        var uploads = aws.Calls.Where(c => c is ["s3", "cp", ..]).ToDictionary(c => c[3], c => Flag(c, "--cache-control"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                [$"s3://{Bucket}/admin/assets/index-BkU2x9_q.js"] = "public, max-age=31536000, immutable",
                [$"s3://{Bucket}/admin/chunk.3f9a1c2b.js"] = "public, max-age=31536000, immutable",
                [$"s3://{Bucket}/admin/favicon.ico"] = "public, max-age=300",
                [$"s3://{Bucket}/admin/robots.txt"] = "public, max-age=300",
                [$"s3://{Bucket}/admin/img/logo.png"] = "public, max-age=300",
                [$"s3://{Bucket}/admin/index.html"] = "public, max-age=0, s-maxage=60, must-revalidate",
                [$"s3://{Bucket}/admin/orders/index.html"] = "public, max-age=0, s-maxage=60, must-revalidate",
            }.OrderBy(p => p.Key, StringComparer.Ordinal),
            uploads.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(aws.Calls.Where(c => c is ["s3", "cp", ..]), c => Assert.Equal("sa-east-1", Flag(c, "--region")));
    }

    [Fact]
    public void Uploads_pages_after_the_files_they_name_then_waits_for_the_invalidation_before_deleting_what_the_release_no_longer_has()
    {
        using var aws = new FakeAws(Deployed("admin/index.html", "admin/old-page.html", "admin/assets/index-OLD00001.js", "admin/.env", "other/keep.txt"));
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: Site);
        var (code, output, error) = aws.Run("publish-static", platform, "--env", "dev", "--app", "admin");
        Assert.True(code == 0, error);

        var calls = aws.Calls;
        int Index(Func<string[], bool> match) => calls.FindIndex(c => match(c));
        int LastIndex(Func<string[], bool> match) => calls.FindLastIndex(c => match(c));
        var lastNonHtml = LastIndex(c => c is ["s3", "cp", ..] && !c[3].EndsWith(".html", StringComparison.Ordinal));
        var firstHtml = Index(c => c is ["s3", "cp", ..] && c[3].EndsWith(".html", StringComparison.Ordinal));
        var lastUpload = LastIndex(c => c is ["s3", "cp", ..]);
        var invalidation = Index(c => c is ["cloudfront", "create-invalidation", ..]);
        var waited = Index(c => c is ["cloudfront", "wait", "invalidation-completed", ..]);
        var delete = Index(c => c is ["s3api", "delete-objects", ..]);
        Assert.True(lastNonHtml < firstHtml, "pages go up after every asset");
        Assert.True(lastUpload < invalidation && invalidation < waited && waited < delete, string.Join('\n', calls.Select(c => string.Join(' ', c))));
        Assert.Equal(["/admin", "/admin/*"], calls[invalidation][5..7]);
        Assert.Equal("I2J0I21PCUYOIK", Flag(calls[waited], "--id"));

        var deleted = JsonNode.Parse(Flag(calls[delete], "--delete"))!["Objects"]!.AsArray().Select(o => o!["Key"]!.GetValue<string>());
        Assert.Equal(["admin/.env", "admin/assets/index-OLD00001.js", "admin/old-page.html"], deleted);
        Assert.Equal("admin/", Flag(calls.Single(c => c is ["s3api", "list-objects-v2", ..]), "--prefix"));
        Assert.Contains(calls.Skip(delete), c => c is ["cloudfront", "create-invalidation", ..]);
        Assert.Contains("3 removed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_the_build_command_in_the_folder_of_platform_yaml_and_publishes_what_it_wrote()
    {
        using var aws = new FakeAws(Deployed());
        var platform = ConsumerRepo.Create(
            Path.Combine(aws.Folder, "repo"),
            ConsumerRepo.Platform.Replace("source: { path: web/dist }", "source: { path: web/dist, build: \"mkdir -p web/dist && echo built > web/dist/index.html\" }", StringComparison.Ordinal),
            ("src/Orders/Dockerfile", "FROM scratch"));
        var (code, _, error) = aws.Run("publish-static", platform, "--env", "dev", "--app", "admin");
        Assert.True(code == 0, error);
        Assert.Equal([$"s3://{Bucket}/admin/index.html"], aws.Calls.Where(c => c is ["s3", "cp", ..]).Select(c => c[3]));
    }

    [Fact]
    public void Stops_before_uploading_when_the_platform_is_not_deployed_yet()
    {
        using var aws = new FakeAws();
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: Site);
        var (code, _, error) = aws.Run("publish-static", platform, "--env", "dev", "--app", "admin");
        Assert.Equal(1, code);
        Assert.Contains("stack shop-dev-app-admin (sa-east-1) does not exist: deploy the platform first", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c[0] != "cloudformation");
    }

    [Fact]
    public void A_missing_build_folder_or_an_api_app_is_a_clear_error()
    {
        using var aws = new FakeAws(Deployed());
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: [("src/Orders/Dockerfile", "FROM scratch")]);
        var missing = aws.Run("publish-static", platform, "--env", "dev", "--app", "admin");
        Assert.Equal(1, missing.Code);
        Assert.Contains("web/dist", missing.Out + missing.Err, StringComparison.Ordinal);
        Assert.Contains("TRL2049", missing.Out, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(aws.Folder, "repo", "web", "dist")).FullName, "index.html"), "x");
        var api = aws.Run("publish-static", platform, "--env", "dev", "--app", "orders");
        Assert.Contains("no static app 'orders'", api.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c[0] == "s3");
    }

    [Theory]
    [InlineData("index.html", "HTML page")]
    [InlineData("docs/guide.htm", "HTML page")]
    [InlineData("assets/logo.png", "hashed asset")]
    [InlineData("main.3f9a1c2b.js", "hashed asset")]
    [InlineData("index-BkU2x9_q.css", "hashed asset")]
    [InlineData("favicon.ico", "other file")]
    [InlineData("robots.txt", "other file")]
    [InlineData("img/team-photo.jpg", "other file")]
    [InlineData("release-notes.js", "other file")]
    public void Cache_rules_by_file_kind(string path, string kind) => Assert.Equal(kind, CacheRule.For(path).Kind);

    [Theory]
    [InlineData(".env", true)]
    [InlineData(".git/config", true)]
    [InlineData("assets/.DS_Store", true)]
    [InlineData("assets/app.js", false)]
    public void Dotfiles_and_dot_folders_are_hidden(string path, bool hidden) => Assert.Equal(hidden, CacheRule.IsHidden(path));
}
