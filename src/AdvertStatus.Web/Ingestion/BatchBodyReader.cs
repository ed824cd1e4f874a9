using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using AdvertStatus.Web.Api;
using Microsoft.Net.Http.Headers;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Reads an ingestion body into a list of items: one JSON object, a JSON array, NDJSON, or (where the
/// route allows it) Windows Event XML; optionally gzip-encoded. Enforces the size and item limits.
/// </summary>
internal static class BatchBodyReader
{
    public const string NdJson = "application/x-ndjson";

    /// <summary>Reads JSON/NDJSON into <typeparamref name="T"/> items.</summary>
    public static async Task<IReadOnlyList<T>> ReadJsonAsync<T>(HttpRequest request, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeOf(request);
        if (IsJson(mediaType))
        {
            await using var body = OpenBody(request);
            return await ReadJsonDocumentAsync<T>(body, json, cancellationToken);
        }

        if (mediaType == NdJson)
        {
            await using var body = OpenBody(request);
            return await ReadNdJsonAsync<T>(body, json, cancellationToken);
        }

        throw Unsupported(mediaType, "application/json or application/x-ndjson");
    }

    /// <summary>True when the body is XML (the security-events route then parses Windows Event XML).</summary>
    public static bool IsXml(HttpRequest request) => MediaTypeOf(request) is "application/xml" or "text/xml";

    /// <summary>
    /// Reads the decoded, size-limited body for the XML parser. It is buffered first because XmlReader
    /// reads synchronously, which Kestrel refuses on a request stream.
    /// </summary>
    public static async Task<TextReader> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        await using var body = OpenBody(request);
        var buffer = new MemoryStream();
        try
        {
            await body.CopyToAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw RequestBodyException.Malformed($"The gzip body could not be decoded: {ex.Message}");
        }

        buffer.Position = 0;
        return new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    public static RequestBodyException Unsupported(string? mediaType, string expected) =>
        RequestBodyException.Unsupported($"Content-Type '{mediaType ?? "(none)"}' is not supported here; send {expected}.");

    /// <summary>Turns an XML parse failure (including a refused DTD) into a 400.</summary>
    public static RequestBodyException Malformed(XmlException exception) =>
        RequestBodyException.Malformed($"The body is not valid XML (DTDs and external entities are not allowed): {exception.Message}");

    public static void EnsureItemCount(int count)
    {
        if (count > IngestionLimits.MaxItems)
        {
            throw RequestBodyException.TooLarge($"A request may carry at most {IngestionLimits.MaxItems} items; this one has {count}.");
        }
    }

    private static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    private static bool IsJson(string? mediaType) =>
        mediaType is "application/json" || (mediaType?.StartsWith("application/", StringComparison.Ordinal) == true && mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static BoundedReadStream OpenBody(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        Stream decoded = encoding switch
        {
            "" or "identity" => request.Body,
            "gzip" or "x-gzip" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw RequestBodyException.Unsupported($"Content-Encoding '{encoding}' is not supported; send gzip or no encoding."),
        };
        return new BoundedReadStream(decoded, IngestionLimits.MaxBodyBytes);
    }

    private static async Task<IReadOnlyList<T>> ReadJsonDocumentAsync<T>(Stream body, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw RequestBodyException.Malformed($"The body is not valid JSON {JsonErrors.Describe(ex)}.");
        }
        catch (InvalidDataException ex)
        {
            throw RequestBodyException.Malformed($"The gzip body could not be decoded: {ex.Message}");
        }

        return root.ValueKind switch
        {
            JsonValueKind.Array => DeserializeArray<T>(root, json),
            JsonValueKind.Object => [Deserialize<T>(root, 0, json)],
            _ => throw RequestBodyException.Malformed("The body must be a JSON object or an array of objects."),
        };
    }

    private static List<T> DeserializeArray<T>(JsonElement array, JsonSerializerOptions json)
    {
        EnsureItemCount(array.GetArrayLength());
        var items = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw RequestBodyException.Malformed("Each item must be a JSON object.", $"[{index}]");
            }

            items.Add(Deserialize<T>(element, index++, json));
        }

        return items;
    }

    private static async Task<IReadOnlyList<T>> ReadNdJsonAsync<T>(Stream body, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        using var reader = new StreamReader(body, Encoding.UTF8);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                EnsureItemCount(items.Count + 1);
                JsonElement element;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    element = document.RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    throw RequestBodyException.Malformed($"Line {items.Count + 1} is not valid JSON: {JsonErrors.ReasonOf(ex.Message)} (character {ex.BytePositionInLine + 1}).", $"[{items.Count}]");
                }

                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw RequestBodyException.Malformed("Each NDJSON line must be a JSON object.", $"[{items.Count}]");
                }

                items.Add(Deserialize<T>(element, items.Count, json));
            }
        }
        catch (InvalidDataException ex)
        {
            throw RequestBodyException.Malformed($"The gzip body could not be decoded: {ex.Message}");
        }

        return items;
    }

    private static T Deserialize<T>(JsonElement element, int index, JsonSerializerOptions json)
    {
        try
        {
            return element.Deserialize<T>(json) ?? throw RequestBodyException.Malformed("The item is null.", $"[{index}]");
        }
        catch (JsonException ex)
        {
            // ex.Path is "$.win32Error"; the contract names fields as "[index].field".
            var field = ex.Path is { Length: > 2 } path ? $"[{index}]{path[1..]}" : $"[{index}]";
            throw RequestBodyException.Malformed($"The value at {field} has the wrong type: {JsonErrors.ReasonOf(ex.Message)}.", field);
        }
    }
}
