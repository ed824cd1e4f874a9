namespace AdvertStatus.Web.Api;

/// <summary>
/// A request body that cannot be read as a batch: not JSON/XML (400), too large (413) or of a type or
/// encoding the API does not take (415). <see cref="Hosting.ProblemDetailsExceptionHandler"/> turns it into ProblemDetails.
/// </summary>
public sealed class RequestBodyException(int statusCode, string title, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static RequestBodyException Malformed(string detail, string? field = null) =>
        new(StatusCodes.Status400BadRequest, "The request body could not be read.", detail,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });

    public static RequestBodyException TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "The request is too large.", detail);

    public static RequestBodyException Unsupported(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", detail);
}
