using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AdvertStatus.Web.Hosting;

/// <summary>
/// Maps our few expected exceptions to ProblemDetails, a busy or unreachable database and a full ingestion
/// queue to 503 with Retry-After. Anything else falls through to the framework's
/// 500 ProblemDetails, without details outside Development.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestBodyException body when body.Errors is { } errors => new ValidationProblemDetails(errors)
            {
                Status = body.StatusCode,
                Title = body.Title,
                Detail = body.Message,
            },
            RequestBodyException body => new ProblemDetails { Status = body.StatusCode, Title = body.Title, Detail = body.Message },
            SiteForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "The API key is not allowed for this data.",
                Detail = forbidden.Message,
            },
            IngestionBusyException busy => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Ingestion is busy.",
                Detail = $"{busy.Message} Send it again after the Retry-After interval.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "Bad request.",
                Detail = bad.Message,
            },
            _ when DatabaseHealth.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is busy or unreachable.",
                Detail = "Nothing of this request was stored or changed. Send it again after the Retry-After interval.",
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = ((int)DatabaseHealth.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
