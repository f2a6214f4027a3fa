using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>The contract with the platform: health endpoints, OpenAPI, logs, configuration, shutdown.</summary>
public sealed class HostingTests(BackendFixture fx) : IClassFixture<BackendFixture>
{
    private readonly HttpClient _http = fx.Client;

    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_the_database_is_up()
    {
        using var live = await _http.GetAsync("backend/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("live", (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var ready = await _http.GetAsync("backend/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_is_served_under_the_base_path_and_lists_the_items_operations()
    {
        var doc = await _http.GetFromJsonAsync<JsonElement>("backend/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        var collection = paths.GetProperty("/backend/items");
        Assert.True(collection.TryGetProperty("get", out _));
        Assert.True(collection.TryGetProperty("post", out _));
        var single = paths.GetProperty("/backend/items/{id}");
        foreach (var verb in new[] { "get", "put", "patch", "delete" })
        {
            Assert.True(single.TryGetProperty(verb, out _), $"missing {verb} /backend/items/{{id}}");
        }
        Assert.True(paths.TryGetProperty("/backend/health/ready", out _));
    }

    [Fact]
    public async Task Logs_are_one_json_object_per_line()
    {
        using var response = await _http.GetAsync("backend/items");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200); // the console logger writes on a background thread
        var lines = fx.App.StdoutLines.ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
        Assert.Contains(lines, l => l.Contains("GET /backend/items responded 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migration_is_idempotent_a_second_instance_starts_on_the_same_database()
    {
        using var created = await _http.PostAsJsonAsync("backend/items", new { title = "kept across instances" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await using var second = await BackendProcess.StartAsync(fx.Db);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("backend/health/ready")).StatusCode);
        var read = await second.Client.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("kept across instances", read.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Sigterm_stops_the_app_gracefully_with_exit_code_zero()
    {
        await using var app = await BackendProcess.StartAsync(fx.Db);
        var exitCode = await app.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DB_HOST", null, "DB_HOST is required")]
    [InlineData("DB_PASSWORD", null, "DB_AUTH=password needs DB_PASSWORD_FILE or DB_PASSWORD")]
    [InlineData("DB_AUTH", "iam", "AWS_REGION is required")]
    [InlineData("DB_AUTH", "kerberos", "DB_AUTH must be 'iam' or 'password'")]
    [InlineData("DB_SSLMODE", "VerifyFull", "DB_SSLMODE=VerifyFull needs DB_SSLROOTCERT")]
    [InlineData("PORT", "eighty", "PORT must be a TCP port")]
    [InlineData("DB_SSLMODE", "Maybe", "DB_SSLMODE must be one of")]
    public async Task Invalid_configuration_fails_fast_with_a_clear_message(string name, string? value, string message)
    {
        await using var app = BackendProcess.Launch(fx.Db, env => env[name] = value);
        await app.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(message, app.Output, StringComparison.Ordinal);
    }
}
