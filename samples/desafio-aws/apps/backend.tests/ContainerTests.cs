using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The contract of the container, proved on the real process as ECS runs it: configured only by environment variables,
/// JSON log lines on stdout, exit code 0 on SIGTERM, a non-zero exit naming the variable on bad configuration, and
/// Kestrel's body limit (the in-process test server has no such limit).
/// </summary>
public sealed class ContainerTests(BackendFixture fx) : IClassFixture<BackendFixture>
{
    private readonly HttpClient _http = fx.Client;

    [DatabaseFact]
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

    [DatabaseFact]
    public async Task Sigterm_stops_the_app_gracefully_with_exit_code_zero()
    {
        await using var app = await BackendProcess.StartAsync(fx.Db);
        var exitCode = await app.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("DB_HOST", null, "DB_HOST is required")]
    [InlineData("PORT", "eighty", "'eighty' at 'PORT'")]
    public async Task Invalid_configuration_stops_the_process_with_the_variable_named(string name, string? value, string message)
    {
        await using var app = BackendProcess.Launch(fx.Db, env => env[name] = value);
        await app.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(message, app.Output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Bodies_over_64_KB_are_rejected_with_413()
    {
        var before = await fx.Db.CountItemsAsync();
        var huge = "{\"title\":\"x\",\"padding\":\"" + new string('p', 70 * 1024) + "\"}";
        using var response = await _http.PostAsync("backend/items", new StringContent(huge, Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await fx.Db.CountItemsAsync());
    }
}
