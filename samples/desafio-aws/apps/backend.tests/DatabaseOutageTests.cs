using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The database goes away and comes back: readiness and every data endpoint answer 503 problem details
/// while it is away, liveness stays green (so the load balancer does not kill the task), and the app
/// serves again as soon as the database returns, without a restart.
/// </summary>
public sealed class DatabaseOutageTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fx.Client;

    [DatabaseFact]
    public async Task Outage_gives_503_and_the_app_recovers_when_the_database_returns()
    {
        using var created = await _http.PostAsJsonAsync("backend/items", new { title = "survives the outage" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("backend/health/ready")).StatusCode);

        await fx.Db.TakeDownAsync();
        try
        {
            await Problems.AssertProblemAsync(await _http.GetAsync("backend/health/ready"), HttpStatusCode.ServiceUnavailable);
            // Several requests in a row: the first ones may hit pooled connections the server just killed.
            for (var i = 0; i < 3; i++)
            {
                using var list = await _http.GetAsync("backend/items");
                var problem = await Problems.AssertProblemAsync(list, HttpStatusCode.ServiceUnavailable);
                Assert.Contains("database", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
                Assert.NotNull(list.Headers.RetryAfter);
            }
            await Problems.AssertProblemAsync(await _http.GetAsync($"backend/items/{id}"), HttpStatusCode.ServiceUnavailable);
            await Problems.AssertProblemAsync(await _http.PostAsJsonAsync("backend/items", new { title = "lost?" }), HttpStatusCode.ServiceUnavailable);
            await Problems.AssertProblemAsync(await _http.PatchAsJsonAsync($"backend/items/{id}", new { done = true }), HttpStatusCode.ServiceUnavailable);
            await Problems.AssertProblemAsync(await _http.DeleteAsync($"backend/items/{id}"), HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("backend/health/live")).StatusCode);
        }
        finally
        {
            await fx.Db.BringUpAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("backend/health/ready")).StatusCode);
        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("survives the outage", read.GetProperty("title").GetString());
        Assert.False(read.GetProperty("done").GetBoolean()); // the PATCH during the outage did not happen
        using var after = await _http.PostAsJsonAsync("backend/items", new { title = "after the outage" });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(2, await fx.Db.CountItemsAsync());
    }

    [DatabaseFact]
    public async Task App_starts_while_the_database_is_down_and_creates_the_schema_when_it_comes_up()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.TakeDownAsync();
        await using var app = BackendFactory.For(db);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("backend/health/live")).StatusCode);
        await Problems.AssertProblemAsync(await client.GetAsync("backend/health/ready"), HttpStatusCode.ServiceUnavailable);
        await Problems.AssertProblemAsync(await client.GetAsync("backend/items"), HttpStatusCode.ServiceUnavailable);

        await db.BringUpAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("backend/health/ready")).StatusCode);
        using var created = await client.PostAsJsonAsync("backend/items", new { title = "late schema" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await db.CountItemsAsync());
    }

    [DatabaseFact]
    public async Task Unreachable_database_server_gives_503_not_a_hang()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Nothing listens on this port: connections are refused, as when the server is stopped.
        var closedPort = BackendProcess.FreePort();
        await using var app = BackendFactory.For(db, env => env["DB_PORT"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = app.CreateClient();

        await Problems.AssertProblemAsync(await client.GetAsync("backend/health/ready"), HttpStatusCode.ServiceUnavailable);
        await Problems.AssertProblemAsync(await client.PostAsJsonAsync("backend/items", new { title = "x" }), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("backend/health/live")).StatusCode);
    }
}
