using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Trilho.Samples.Backend;

/// <summary>
/// Maps exceptions to RFC 7807 problem details: database outages to 503 (with Retry-After, so clients and
/// the frontend know to retry), malformed or oversized requests to their 4xx status with a readable detail.
/// Anything else falls through to the default 500 problem details.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        int status;
        string title;
        string detail;
        if (Database.IsUnavailable(exception))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            title = "Service unavailable";
            detail = "The database is unavailable. Try again shortly.";
            context.Response.Headers.RetryAfter = "5";
        }
        else if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            title = status switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request",
            };
            // The JSON reader's message names the offending path ("Path: $.done"), which is what a client needs.
            detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        }
        else
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
