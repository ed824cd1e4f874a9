using System.Net;
using System.Text.Json;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>Reads a ProblemDetails response as the client sees it.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, string ContentType)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        Assert.True(contentType == "application/problem+json", $"Expected ProblemDetails, got '{contentType}': {body}");

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var errors = new Dictionary<string, string[]>();
        if (root.TryGetProperty("errors", out var errorElement))
        {
            foreach (var property in errorElement.EnumerateObject())
            {
                errors[property.Name] = [.. property.Value.EnumerateArray().Select(e => e.GetString() ?? "")];
            }
        }

        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            errors,
            contentType);
    }
}
