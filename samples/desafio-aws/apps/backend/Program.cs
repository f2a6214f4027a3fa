using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Trilho.Samples.Backend;

var settings = AppSettings.FromEnvironment(Environment.GetEnvironmentVariable);
// Fail at start, with the reason, rather than on the first large upload: ASP.NET Core buffers big bodies to TMPDIR.
var tempDirectory = TempDirectory.EnsureWritable();

var builder = WebApplication.CreateSlimBuilder(args);
// Configuration comes only from the platform's environment variables (read above): no appsettings,
// no command line, nothing that could differ between a laptop and AWS without being visible in platform.yaml.
builder.Configuration.Sources.Clear();

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});
builder.Logging.SetMinimumLevel(LogLevel.Information);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Any, settings.Port);
    // Items are tiny; a low cap keeps a misbehaving client from making the API buffer large bodies.
    kestrel.Limits.MaxRequestBodySize = 64 * 1024;
});

// ECS sends SIGTERM, then SIGKILL after the task's stopTimeout (30 s by default): finish in-flight
// requests within a bit less than that.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
// Surface malformed bodies as exceptions so ApiExceptionHandler can explain them in problem details.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

builder.Services.AddSingleton(_ =>
{
    var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString);
    settings.Password.ApplyTo(dataSource);
    return dataSource.Build();
});
builder.Services.AddSingleton<Database>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UsePublicOrigin(Environment.GetEnvironmentVariable("APP_PUBLIC_URL"));
app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(async (context, next) =>
{
    // One structured access-log line per request; health checks are skipped to keep the logs readable.
    var started = Stopwatch.GetTimestamp();
    await next(context);
    if (!context.Request.Path.Value!.Contains("/health/", StringComparison.Ordinal))
    {
        app.Logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
            context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
});

var root = app.MapGroup(settings.BasePath.Length == 0 ? "/" : settings.BasePath);
app.MapOpenApi(settings.BasePath + "/openapi/{documentName}.json");

// Liveness: the process serves HTTP. Never touches the database, so a database outage does not make the
// load balancer kill healthy tasks.
root.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));

// Readiness: the database answers (and the schema is in place).
root.MapGet("/health/ready", async Task<Results<Ok<object>, ProblemHttpResult>> (Database db, CancellationToken ct) =>
{
    try
    {
        await db.RunAsync(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT 1", c);
            return await cmd.ExecuteScalarAsync(ct);
        }, ct);
        return TypedResults.Ok<object>(new { status = "ready" });
    }
    catch (DatabaseUnavailableException)
    {
        return TypedResults.Problem(statusCode: 503, title: "Not ready", detail: "The database is unavailable.");
    }
});

var items = root.MapGroup("/items").WithTags("Items");

items.MapGet("/", async Task<Results<Ok<ItemPage>, ValidationProblem>> (
    string? limit, string? offset, Database db, CancellationToken ct) =>
{
    var errors = new Dictionary<string, string[]>();
    var take = ItemRules.ParseBounded(limit, "limit", ItemRules.DefaultLimit, 1, ItemRules.MaxLimit, errors);
    var skip = ItemRules.ParseBounded(offset, "offset", 0, 0, int.MaxValue, errors);
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }
    return TypedResults.Ok(await db.RunAsync(c => ItemsStore.ListAsync(c, take, skip, ct), ct));
}).WithSummary("List items, oldest first, one page at a time (limit 1-100, default 20; offset >= 0).");

items.MapGet("/{id:long}", async Task<Results<Ok<Item>, ProblemHttpResult>> (long id, Database db, CancellationToken ct) =>
{
    var item = await db.RunAsync(c => ItemsStore.GetAsync(c, id, ct), ct);
    return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
}).WithSummary("Get one item.");

items.MapPost("/", async Task<Results<Created<Item>, ValidationProblem>> (ItemInput input, Database db, CancellationToken ct) =>
{
    var errors = ItemRules.Validate(input, requireTitle: true, requireDone: false);
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }
    var item = await db.RunAsync(c => ItemsStore.CreateAsync(c, input.Title!.Trim(), input.Done ?? false, ct), ct);
    return TypedResults.Created($"{settings.BasePath}/items/{item.Id}", item);
}).WithSummary("Create an item. Title: 1-200 characters after trimming.");

items.MapPut("/{id:long}", async Task<Results<Ok<Item>, ValidationProblem, ProblemHttpResult>> (
    long id, ItemInput input, Database db, CancellationToken ct) =>
{
    var errors = ItemRules.Validate(input, requireTitle: true, requireDone: true);
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }
    var item = await db.RunAsync(c => ItemsStore.UpdateAsync(c, id, input.Title!.Trim(), input.Done, ct), ct);
    return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
}).WithSummary("Replace an item's title and done flag (both required).");

items.MapPatch("/{id:long}", async Task<Results<Ok<Item>, ValidationProblem, ProblemHttpResult>> (
    long id, ItemInput input, Database db, CancellationToken ct) =>
{
    var errors = ItemRules.Validate(input, requireTitle: false, requireDone: false);
    if (input.Title is null && input.Done is null)
    {
        errors[""] = ["Provide at least one of 'title' or 'done'."];
    }
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }
    var item = await db.RunAsync(c => ItemsStore.UpdateAsync(c, id, input.Title?.Trim(), input.Done, ct), ct);
    return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
}).WithSummary("Change an item's title and/or done flag.");

items.MapDelete("/{id:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, Database db, CancellationToken ct) =>
{
    var deleted = await db.RunAsync(c => ItemsStore.DeleteAsync(c, id, ct), ct);
    return deleted ? TypedResults.NoContent() : ItemRules.NotFound(id);
}).WithSummary("Delete an item.");

// Create the schema at startup when the database is there; when it is not, the app still starts (liveness
// stays green) and the first request that reaches the database runs the migration instead.
try
{
    await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
}
catch (DatabaseUnavailableException)
{
    app.Logger.LogWarning("Database unavailable at startup; the schema will be created on first use");
}

app.Logger.LogInformation("Temp directory {TempDirectory} is writable", tempDirectory);
app.Logger.LogInformation("Listening on http://0.0.0.0:{Port}{BasePath}", settings.Port, settings.BasePath);
await app.RunAsync();
