using System.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using Trilho.Samples.Backend;

// Fail at start, with the reason, rather than on the first large upload: ASP.NET Core buffers big bodies to TMPDIR.
var tempDirectory = TempDirectory.EnsureWritable();

var builder = WebApplication.CreateSlimBuilder(args);
// Configuration comes only from the platform's environment variables: no appsettings, no command line, nothing that
// could differ between a laptop and AWS without being visible in platform.yaml.
builder.Configuration.Sources.Clear();
builder.Configuration.AddEnvironmentVariables();

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});
builder.Logging.SetMinimumLevel(LogLevel.Information);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// The variables the platform injects, bound by name and checked before the app serves anything (ValidateOnStart).
builder.Services.AddPlatformOptions(builder.Configuration);

builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServiceOptions>>((kestrel, service) =>
{
    kestrel.ListenAnyIP(service.Value.Port);
    // Items are tiny; a low cap keeps a misbehaving client from making the API buffer large bodies.
    kestrel.Limits.MaxRequestBodySize = 64 * 1024;
});
// ECS sends SIGTERM, then SIGKILL after the task's stopTimeout (30 s by default): finish in-flight
// requests within a bit less than that.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
// Surface malformed bodies and parameters as exceptions so ApiExceptionHandler can explain them in problem details.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

builder.Services.AddSingleton(TimeProvider.System);
// The password of every new physical connection comes from DatabasePassword (on AWS a fresh IAM token), so
// rotations and failovers need no restart.
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString);
    DatabasePassword.From(options, services.GetRequiredService<TimeProvider>()).ApplyTo(dataSource);
    return dataSource.Build();
});
builder.Services.AddSingleton<Database>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
builder.Services.AddValidation();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddOpenApi();

var app = builder.Build();
// Routes are laid out under the base path now, so the service options are read (and validated) here already.
var service = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;

app.UsePublicOrigin(service.PublicOrigin);
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

var root = app.MapGroup(service.RoutePrefix.Length == 0 ? "/" : service.RoutePrefix);
app.MapOpenApi(service.RoutePrefix + "/openapi/{documentName}.json");
root.MapHealthEndpoints();
root.MapItems();

// Create the schema at startup when the database is there; when it is not, the app still starts (liveness stays
// green) and the first request that reaches the database runs the migration instead.
app.Lifetime.ApplicationStarted.Register(() => _ = MigrateAsync(app));

app.Logger.LogInformation("Temp directory {TempDirectory} is writable", tempDirectory);
app.Logger.LogInformation("Listening on http://0.0.0.0:{Port}{BasePath}", service.Port, service.RoutePrefix);
await app.RunAsync();

static async Task MigrateAsync(WebApplication app)
{
    try
    {
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(app.Lifetime.ApplicationStopping);
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        app.Logger.LogWarning(ex, "Database unavailable at startup; the schema will be created on first use");
    }
}
