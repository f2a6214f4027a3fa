using System.Net.Mime;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trilho.Samples.Backend;

/// <summary>
/// The two health endpoints. Liveness (the load balancer's target group check, platform.yaml <c>healthCheck</c>) runs
/// no check at all: a database outage must not make the load balancer replace healthy tasks. Readiness runs the checks
/// tagged <see cref="ReadyTag"/>, the database among them.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return routes;
    }

    /// <summary>
    /// Healthy: <c>{"status":"Healthy","checks":{"database":"Healthy"}}</c>. Otherwise the 503 the middleware set, as
    /// problem details like every other error of the API. Only statuses: check descriptions and exceptions go to the
    /// log, since these endpoints are public through CloudFront.
    /// </summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString(), StringComparer.Ordinal);
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = MediaTypeNames.Application.Json;
            await JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString(), checks }, cancellationToken: context.RequestAborted);
            return;
        }

        var failing = string.Join(", ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key));
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = "Not ready",
                Detail = $"Not ready: {failing}.",
                Extensions = { ["checks"] = checks },
            },
        });
    }
}
