using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// Behind CloudFront and the load balancer the app sees Host = the load balancer and scheme http; it must still
/// describe itself with its public origin (APP_PUBLIC_URL, else CloudFront's X-Forwarded-Host).
/// </summary>
public sealed class PublicOriginTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    [DatabaseFact]
    public async Task The_public_url_the_platform_injects_is_the_origin_the_app_advertises()
    {
        await using var app = BackendFactory.For(fx.Db, env => env["APP_PUBLIC_URL"] = "https://app.example.com/backend");
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "backend/openapi/v1.json");
        // What the load balancer sends: its own name as Host, http, and a chain ending with CloudFront's address.
        request.Headers.Host = "internal-desafio-alb-123.sa-east-1.elb.amazonaws.com";
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Add("X-Forwarded-Host", "evil.example.net");
        // The OpenAPI paths carry /backend themselves, so the server is the bare public origin.
        Assert.Equal("https://app.example.com/", await ServerUrl(client, request));
    }

    [DatabaseFact]
    public async Task Without_a_public_url_the_host_cloudfront_forwards_is_used_over_https()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "backend/openapi/v1.json");
        request.Headers.Host = "internal-desafio-alb-123.sa-east-1.elb.amazonaws.com";
        request.Headers.Add("X-Forwarded-Host", "app.dev.example.com");
        Assert.Equal("https://app.dev.example.com/", await ServerUrl(fx.Client, request));
    }

    private static async Task<string?> ServerUrl(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        return document.GetProperty("servers")[0].GetProperty("url").GetString();
    }
}
