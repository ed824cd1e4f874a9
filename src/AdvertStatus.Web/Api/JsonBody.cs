using System.Text.Json;

namespace AdvertStatus.Web.Api;

/// <summary>
/// Reads a single JSON object from a request body for the admin routes, so that a body that is not
/// JSON, or a field of the wrong type, gets a ProblemDetails naming the field rather than a bare 400.
/// </summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            throw RequestBodyException.Unsupported($"Content-Type '{request.ContentType ?? "(none)"}' is not supported here; send application/json.");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw RequestBodyException.Malformed("The body must be a JSON object, not null.", "body");
        }
        catch (JsonException ex)
        {
            throw RequestBodyException.Malformed(
                JsonErrors.IsWrongType(ex) ? $"The value at {FieldOf(ex.Path)} has the wrong type: {JsonErrors.ReasonOf(ex.Message)}." : $"The body is not valid JSON {JsonErrors.Describe(ex)}.",
                FieldOf(ex.Path));
        }
    }

    /// <summary><c>$.scopes[1]</c> → <c>scopes[1]</c>; the root (<c>$</c>) → <c>body</c>.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
