using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>Bad input gets a 400 problem details that says what is wrong, and nothing is written.</summary>
public sealed class ValidationTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fx.Client;

    private static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"title":""}""", "title" },
        { """{"title":"   "}""", "title" },
        { "{\"title\":\"" + new string('a', 201) + "\"}", "title" },
        { """{"done":true}""", "title" },
        { """{}""", "title" },
    };

    [DatabaseTheory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_with_invalid_fields_is_a_validation_problem_and_writes_nothing(string body, string field)
    {
        var before = await fx.Db.CountItemsAsync();
        using var response = await _http.PostAsync("backend/items", Json(body));
        await Problems.AssertValidationProblemAsync(response, field);
        Assert.Equal(before, await fx.Db.CountItemsAsync());
    }

    [DatabaseTheory]
    [InlineData("""{"title":""", "$.title")]
    [InlineData("""{"title":"x","done":"yes"}""", "$.done")]
    [InlineData("""{"title":42}""", "$.title")]
    [InlineData("not json", "$")]
    public async Task Create_with_malformed_json_is_a_400_problem_naming_the_path(string body, string path)
    {
        var before = await fx.Db.CountItemsAsync();
        using var response = await _http.PostAsync("backend/items", Json(body));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fx.Db.CountItemsAsync());
    }

    [DatabaseFact]
    public async Task Create_without_a_body_is_a_400_problem()
    {
        using var response = await _http.PostAsync("backend/items", new StringContent("", Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task Create_with_a_non_json_content_type_is_415()
    {
        var before = await fx.Db.CountItemsAsync();
        using var response = await _http.PostAsync("backend/items", new StringContent("""{"title":"x"}""", Encoding.UTF8, "text/plain"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await fx.Db.CountItemsAsync());
    }

    [DatabaseFact]
    public async Task Put_requires_both_title_and_done_and_changes_nothing_when_invalid()
    {
        using var created = await _http.PostAsJsonAsync("backend/items", new { title = "original" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await Problems.AssertValidationProblemAsync(await _http.PutAsync($"backend/items/{id}", Json("""{"title":"changed"}""")), "done");
        await Problems.AssertValidationProblemAsync(await _http.PutAsync($"backend/items/{id}", Json("""{"done":true}""")), "title");
        await Problems.AssertValidationProblemAsync(await _http.PutAsync($"backend/items/{id}", Json("""{"title":"","done":true}""")), "title");

        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("original", read.GetProperty("title").GetString());
        Assert.False(read.GetProperty("done").GetBoolean());
    }

    [DatabaseFact]
    public async Task Patch_rejects_an_empty_change_and_a_bad_title()
    {
        using var created = await _http.PostAsJsonAsync("backend/items", new { title = "patched?" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await Problems.AssertValidationProblemAsync(await _http.PatchAsync($"backend/items/{id}", Json("{}")), "");
        await Problems.AssertValidationProblemAsync(
            await _http.PatchAsync($"backend/items/{id}", Json("{\"title\":\"" + new string('b', 201) + "\",\"done\":true}")), "title");

        var read = await _http.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("patched?", read.GetProperty("title").GetString());
        Assert.False(read.GetProperty("done").GetBoolean()); // the valid half of a rejected request is not applied
    }

    [DatabaseTheory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task List_rejects_out_of_bounds_paging(string query, string field)
    {
        using var response = await _http.GetAsync($"backend/items?{query}");
        await Problems.AssertValidationProblemAsync(response, field);
    }

    [DatabaseTheory]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=1.5", "offset")]
    [InlineData("limit=99999999999", "limit")]
    public async Task List_rejects_paging_that_is_not_an_integer_naming_the_parameter(string query, string parameter)
    {
        using var response = await _http.GetAsync($"backend/items?{query}");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
