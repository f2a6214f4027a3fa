using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>Health endpoints, the schema migration and the OpenAPI document, on the in-process backend.</summary>
public sealed class HealthTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    [DatabaseFact]
    public async Task Liveness_and_readiness_answer_200_when_the_database_is_up()
    {
        using var live = await fx.Client.GetAsync("backend/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveness = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", liveness.GetProperty("status").GetString());
        // Liveness runs no check: nothing it answers depends on the database.
        Assert.Empty(liveness.GetProperty("checks").EnumerateObject());

        using var ready = await fx.Client.GetAsync("backend/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", readiness.GetProperty("status").GetString());
        Assert.Equal("Healthy", readiness.GetProperty("checks").GetProperty("database").GetString());
    }

    [DatabaseFact]
    public async Task Migration_is_idempotent_a_second_instance_starts_on_the_same_database()
    {
        using var created = await fx.Client.PostAsJsonAsync("backend/items", new { title = "kept across instances" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await using var second = BackendFactory.For(fx.Db);
        using var client = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("backend/health/ready")).StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"backend/items/{id}");
        Assert.Equal("kept across instances", read.GetProperty("title").GetString());
    }

    [DatabaseFact]
    public async Task OpenApi_document_is_served_under_the_base_path_and_lists_the_items_operations()
    {
        var doc = await fx.Client.GetFromJsonAsync<JsonElement>("backend/openapi/v1.json");
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
    }

    [DatabaseFact]
    public async Task OpenApi_document_types_the_paging_parameters_with_their_ranges_and_defaults()
    {
        var doc = await fx.Client.GetFromJsonAsync<JsonElement>("backend/openapi/v1.json");
        var parameters = doc.GetProperty("paths").GetProperty("/backend/items").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

        Assert.Equal(["limit", "offset"], parameters.Keys.Order());
        Assert.Contains("integer", Types(parameters["limit"]));
        Assert.Equal("int32", parameters["limit"].GetProperty("format").GetString());
        Assert.Equal(1, parameters["limit"].GetProperty("minimum").GetDecimal());
        Assert.Equal(100, parameters["limit"].GetProperty("maximum").GetDecimal());
        Assert.Equal(20, parameters["limit"].GetProperty("default").GetInt32());
        Assert.Contains("integer", Types(parameters["offset"]));
        Assert.Equal("int32", parameters["offset"].GetProperty("format").GetString());
        Assert.Equal(0, parameters["offset"].GetProperty("minimum").GetDecimal());
        Assert.Equal(0, parameters["offset"].GetProperty("default").GetInt32());
    }

    // OpenAPI 3.1 writes a type as a string or as a list of types (ASP.NET Core lists integers as ["integer", "string"]
    // with an integer pattern, since its JSON options read numbers from strings too).
    private static List<string?> Types(JsonElement schema)
    {
        var type = schema.GetProperty("type");
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
    }
}
