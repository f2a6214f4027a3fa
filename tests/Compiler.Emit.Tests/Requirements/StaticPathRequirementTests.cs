using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// Ordinary front-end builds work on a static app's path (issue 20, defect 4): the app's CloudFront Function, taken
/// from the emitted template and run in Node for each kind of request, redirects the bare path, serves folders,
/// and answers unknown paths with the app's own pages instead of S3's AccessDenied.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class StaticPathRequirementTests(SynthesisFixture fixture)
{
    [Fact]
    public void The_bare_app_path_redirects_to_the_folder_so_relative_asset_urls_resolve_under_the_app()
    {
        var result = NodeRunner.Run(FunctionCode("desafio-aws", "frontend"), NodeRunner.ViewerRequest("/frontend"));
        Assert.Equal(301, result["statusCode"]!.GetValue<int>());
        Assert.Equal("/frontend/", result["headers"]!["location"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_redirect_keeps_the_query_string()
    {
        var query = new JsonObject
        {
            ["utm"] = new JsonObject { ["value"] = "mail" },
            ["tag"] = new JsonObject { ["value"] = "a", ["multiValue"] = new JsonArray(new JsonObject { ["value"] = "a" }, new JsonObject { ["value"] = "b" }) },
        };
        var result = NodeRunner.Run(FunctionCode("desafio-aws", "frontend"), NodeRunner.ViewerRequest("/frontend", query));
        Assert.Equal("/frontend/?utm=mail&tag=a&tag=b", result["headers"]!["location"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/frontend/", "/frontend/index.html")]
    [InlineData("/frontend/docs/", "/frontend/docs/index.html")]
    [InlineData("/frontend/assets/app.25ea97c536.js", "/frontend/assets/app.25ea97c536.js")]
    [InlineData("/frontend/favicon.ico", "/frontend/favicon.ico")]
    [InlineData("/frontend/orders/42", "/frontend/404.html")]
    [InlineData("/frontend/about", "/frontend/404.html")]
    public void Without_spa_folders_serve_their_index_and_unknown_page_paths_the_apps_404_page(string uri, string origin)
    {
        var result = NodeRunner.Run(FunctionCode("desafio-aws", "frontend"), NodeRunner.ViewerRequest(uri));
        Assert.Null(result["statusCode"]);
        Assert.Equal(origin, result["uri"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/frontend/orders/42", 200, 404)]
    [InlineData("/frontend/404.html", 200, 404)]
    [InlineData("/frontend/", 200, 200)]
    [InlineData("/frontend/index.html", 200, 200)]
    [InlineData("/frontend/assets/app.25ea97c536.js", 200, 200)]
    [InlineData("/frontend/orders/42", 304, 304)]
    public void Without_spa_the_404_page_goes_out_with_status_404(string uri, int fromOrigin, int toViewer)
    {
        var edge = fixture.Stack("desafio-aws", "dev", "edge");
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        foreach (var behavior in Behaviors(config, "/frontend"))
        {
            var events = behavior["FunctionAssociations"]!.AsArray().Select(a => a!["EventType"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(["viewer-request", "viewer-response"], events);
        }

        var result = NodeRunner.Run(FunctionCode("desafio-aws", "frontend"), NodeRunner.ViewerResponse(uri, fromOrigin));
        Assert.Equal(toViewer, result["statusCode"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/", "/index.html")]
    [InlineData("/orders/42", "/index.html")]
    [InlineData("/orders/42/", "/index.html")]
    [InlineData("/assets/app.js", "/assets/app.js")]
    [InlineData("/robots.txt", "/robots.txt")]
    public void A_single_page_app_serves_its_index_for_client_side_routes(string under, string origin)
    {
        var edge = fixture.Stack("static-only-certificate", "prod", "edge");
        var (path, code) = Functions(edge).Single();
        var result = NodeRunner.Run(code, NodeRunner.ViewerRequest(path + under));
        Assert.Equal(path + origin, result["uri"]!.GetValue<string>());

        // The index is an ordinary 200: no viewer-response function turns it into a 404.
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        Assert.All(Behaviors(config, path), b => Assert.Equal("viewer-request", Assert.Single(b["FunctionAssociations"]!.AsArray())!["EventType"]!.GetValue<string>()));
    }

    private string FunctionCode(string caseName, string app)
    {
        var edge = fixture.Stack(caseName, "dev", "edge");
        return edge.Resources("AWS::CloudFront::Function")
            .Single(f => f.Resource["Properties"]!["Name"]!.GetValue<string>().EndsWith($"-{app}-index", StringComparison.Ordinal))
            .Resource["Properties"]!["FunctionCode"]!.GetValue<string>();
    }

    private static IEnumerable<(string Path, string Code)> Functions(Template edge)
    {
        var config = edge.Properties("AWS::CloudFront::Distribution")["DistributionConfig"]!;
        return config["CacheBehaviors"]!.AsArray()
            .Where(b => !b!["PathPattern"]!.GetValue<string>().EndsWith("/*", StringComparison.Ordinal) && b["FunctionAssociations"] is not null)
            .Select(b => (b!["PathPattern"]!.GetValue<string>(), edge.Resource(Template.Target(b["FunctionAssociations"]![0]!["FunctionARN"])!)["Properties"]!["FunctionCode"]!.GetValue<string>()));
    }

    private static IEnumerable<JsonNode> Behaviors(JsonNode config, string path) =>
        config["CacheBehaviors"]!.AsArray().Where(b => b!["PathPattern"]!.GetValue<string>() is var p && (p == path || p == path + "/*"))!;
}
