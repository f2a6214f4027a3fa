using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

public sealed class ItemsApiTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fx.Client;

    private async Task<JsonElement> CreateAsync(string title, bool? done = null)
    {
        using var response = await _http.PostAsJsonAsync("backend/items", new { title, done });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/backend/items/{item.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        return item;
    }

    [DatabaseFact]
    public async Task Create_then_read_returns_the_stored_item()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var created = await CreateAsync("  Buy milk  ");

        Assert.Equal("Buy milk", created.GetProperty("title").GetString()); // surrounding spaces are trimmed
        Assert.False(created.GetProperty("done").GetBoolean());
        var createdAt = created.GetProperty("createdAt").GetDateTimeOffset();
        Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddMinutes(1));

        var id = created.GetProperty("id").GetInt64();
        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal(id, read.GetProperty("id").GetInt64());
        Assert.Equal("Buy milk", read.GetProperty("title").GetString());
        Assert.Equal(createdAt, read.GetProperty("createdAt").GetDateTimeOffset());
    }

    [DatabaseFact]
    public async Task Create_accepts_done_and_a_200_character_title()
    {
        var title = new string('x', 200);
        var created = await CreateAsync(title, done: true);
        Assert.Equal(title, created.GetProperty("title").GetString());
        Assert.True(created.GetProperty("done").GetBoolean());
    }

    [DatabaseFact]
    public async Task List_pages_with_limit_and_offset_in_creation_order()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync($"page item {i}")).GetProperty("id").GetInt64());
        }

        var all = await _http.GetFromJsonAsync<JsonElement>("backend/items?limit=100");
        var total = all.GetProperty("total").GetInt64();
        var allIds = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(total, allIds.Count);
        Assert.Equal(allIds.Order().ToList(), allIds);
        Assert.Subset(allIds.ToHashSet(), ids.ToHashSet());

        var offset = allIds.IndexOf(ids[1]);
        var page = await _http.GetFromJsonAsync<JsonElement>($"backend/items?limit=2&offset={offset}");
        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(offset, page.GetProperty("offset").GetInt32());
        Assert.Equal(total, page.GetProperty("total").GetInt64());
        Assert.Equal([ids[1], ids[2]], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var past = await _http.GetFromJsonAsync<JsonElement>($"backend/items?offset={total}");
        Assert.Empty(past.GetProperty("items").EnumerateArray());
    }

    [DatabaseFact]
    public async Task List_defaults_to_twenty_items()
    {
        for (var i = 0; i < 21; i++)
        {
            await CreateAsync($"bulk {i}");
        }
        var page = await _http.GetFromJsonAsync<JsonElement>("backend/items");
        Assert.Equal(20, page.GetProperty("limit").GetInt32());
        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() >= 21);
    }

    [DatabaseFact]
    public async Task Put_replaces_title_and_done()
    {
        var id = (await CreateAsync("old")).GetProperty("id").GetInt64();
        using var response = await _http.PutAsJsonAsync($"backend/items/{id}", new { title = "new", done = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("new", read.GetProperty("title").GetString());
        Assert.True(read.GetProperty("done").GetBoolean());
    }

    [DatabaseFact]
    public async Task Patch_changes_only_the_given_field()
    {
        var id = (await CreateAsync("keep me")).GetProperty("id").GetInt64();
        using var response = await _http.PatchAsJsonAsync($"backend/items/{id}", new { done = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("keep me", read.GetProperty("title").GetString());
        Assert.True(read.GetProperty("done").GetBoolean());

        using var rename = await _http.PatchAsJsonAsync($"backend/items/{id}", new { title = "renamed" });
        var renamed = await rename.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("renamed", renamed.GetProperty("title").GetString());
        Assert.True(renamed.GetProperty("done").GetBoolean());
    }

    [DatabaseFact]
    public async Task Delete_removes_the_item_then_reports_not_found()
    {
        var id = (await CreateAsync("short-lived")).GetProperty("id").GetInt64();

        using var deleted = await _http.DeleteAsync($"backend/items/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var read = await _http.GetAsync($"backend/items/{id}");
        await Problems.AssertProblemAsync(read, HttpStatusCode.NotFound);
        using var again = await _http.DeleteAsync($"backend/items/{id}");
        await Problems.AssertProblemAsync(again, HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Unknown_ids_are_404_problem_details_for_every_verb()
    {
        const string url = "backend/items/987654321";
        var detail = (await Problems.AssertProblemAsync(await _http.GetAsync(url), HttpStatusCode.NotFound)).GetProperty("detail").GetString();
        Assert.Contains("987654321", detail, StringComparison.Ordinal);
        await Problems.AssertProblemAsync(await _http.PutAsJsonAsync(url, new { title = "x", done = false }), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await _http.PatchAsJsonAsync(url, new { done = true }), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await _http.DeleteAsync(url), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await _http.GetAsync("backend/items/not-a-number"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Routes_outside_the_base_path_are_not_served()
    {
        // The ALB forwards /backend/... as is; the app must not also answer at the root.
        using var response = await _http.GetAsync("items");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
