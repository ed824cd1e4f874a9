using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public abstract class RequestBodyFormatTests(AdvertStatusApp app)
{
    private const string Route = "/api/v1/status-messages";

    [Fact]
    public async Task Accepts_NDJSON_one_object_per_line()
    {
        var machine = Unique.Machine();
        var body = string.Join("\n", Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(Samples.StatusMessage(machine, $"{i}")))) + "\n\n";

        var accepted = await AcceptedBatch.ReadAsync(await SendAsync(Encoding.UTF8.GetBytes(body), "application/x-ndjson"));

        Assert.Equal(3, accepted.Accepted);
        Assert.Equal(3, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    public async Task Accepts_a_gzip_encoded_body(string contentType)
    {
        var machine = Unique.Machine();
        var items = new[] { Samples.StatusMessage(machine, "1"), Samples.StatusMessage(machine, "2") };
        var text = contentType == "application/json" ? JsonSerializer.Serialize(items) : string.Join("\n", items.Select(i => JsonSerializer.Serialize(i)));

        var accepted = await AcceptedBatch.ReadAsync(await SendAsync(Gzip(Encoding.UTF8.GetBytes(text)), contentType, "gzip"));

        Assert.Equal(2, accepted.Accepted);
    }

    [Fact]
    public async Task Names_the_bad_NDJSON_line_and_stores_nothing()
    {
        var machine = Unique.Machine();
        var body = JsonSerializer.Serialize(Samples.StatusMessage(machine, "1")) + "\n{not json\n";

        var problem = await Problem.ReadAsync(await SendAsync(Encoding.UTF8.GetBytes(body), "application/x-ndjson"), HttpStatusCode.BadRequest);

        Assert.Contains("[1]", problem.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Theory]
    [InlineData("{\"recordId\": ")]
    [InlineData("not json at all")]
    [InlineData("42")]
    [InlineData("[1, 2]")]
    public async Task Rejects_a_body_that_is_not_JSON_objects_with_400(string body)
    {
        var problem = await Problem.ReadAsync(await SendAsync(Encoding.UTF8.GetBytes(body), "application/json"), HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.Status);
    }

    [Theory]
    [InlineData("[{\"recordId\": \"1\"},\n]", "The body is not valid JSON at line 2, character 1: there is a comma after the last item; remove it.")]
    [InlineData("{\"recordId\": \"1\" \"siteCode\": \"LAB\"}", "The body is not valid JSON at line 1, character 18: a comma is missing between two values.")]
    [InlineData("{recordId: 1}", "The body is not valid JSON at line 1, character 2: a property name is not in double quotes.")]
    [InlineData("{\"recordId\": 'x'}", "The body is not valid JSON at line 1, character 14: ''' cannot start a value; text goes in double quotes, and only true, false and null are bare words.")]
    [InlineData("[{\"recordId\": \"1\"}", "The body is not valid JSON at line 1, character 19: the JSON ends before every { and [ is closed.")]
    public async Task Says_in_plain_words_where_the_JSON_is_malformed(string body, string expected)
    {
        var problem = await Problem.ReadAsync(await SendAsync(Encoding.UTF8.GetBytes(body), "application/json"), HttpStatusCode.BadRequest);

        Assert.Equal(expected, problem.Detail);
        Assert.DoesNotContain("reader options", problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Names_the_field_with_the_wrong_type_and_what_it_should_be()
    {
        var item = JsonSerializer.SerializeToNode(Samples.StatusMessage(Unique.Machine(), "1"))!.AsObject();
        item["messageId"] = "many";

        var problem = await Problem.ReadAsync(await SendAsync(Encoding.UTF8.GetBytes($"[{item.ToJsonString()}]"), "application/json"), HttpStatusCode.BadRequest);

        Assert.Equal("The value at [0].messageId has the wrong type: expected a whole number.", problem.Detail);
    }

    [Fact]
    public async Task Rejects_an_empty_batch_with_400()
    {
        var problem = await Problem.ReadAsync(await SendAsync("[]"u8.ToArray(), "application/json"), HttpStatusCode.BadRequest);

        Assert.Equal("The batch is empty.", problem.Title);
    }

    [Fact]
    public async Task Rejects_a_corrupt_gzip_body_with_400()
    {
        await Problem.ReadAsync(await SendAsync([0x1f, 0x8b, 1, 2, 3, 4, 5], "application/json", "gzip"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Rejects_an_unsupported_content_type_with_415(string? contentType)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Samples.StatusMessage(Unique.Machine(), "1"));

        await Problem.ReadAsync(await SendAsync(body, contentType), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Rejects_an_unsupported_content_encoding_with_415()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Samples.StatusMessage(Unique.Machine(), "1"));

        await Problem.ReadAsync(await SendAsync(body, "application/json", "br"), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Rejects_more_than_5000_items_with_413_and_stores_nothing()
    {
        var machine = Unique.Machine();
        var items = Enumerable.Range(1, 5001).Select(i => Samples.StatusMessage(machine, $"{i}")).ToArray();

        await Problem.ReadAsync(await SendAsync(JsonSerializer.SerializeToUtf8Bytes(items), "application/json"), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Accepts_exactly_5000_items()
    {
        var machine = Unique.Machine();
        var items = Enumerable.Range(1, 5000).Select(i => Samples.StatusMessage(machine, $"{i}")).ToArray();

        var accepted = await AcceptedBatch.ReadAsync(await SendAsync(JsonSerializer.SerializeToUtf8Bytes(items), "application/json"));

        Assert.Equal(5000, accepted.Accepted);
    }

    [Fact]
    public async Task Rejects_a_gzip_body_that_decodes_past_10_MB_with_413()
    {
        // 11 MB of spaces after a valid start compresses to a few KB: the limit is on the decoded size.
        var json = Encoding.UTF8.GetBytes("[" + new string(' ', 11 * 1024 * 1024) + "]");

        await Problem.ReadAsync(await SendAsync(Gzip(json), "application/json", "gzip"), HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<HttpResponseMessage> SendAsync(byte[] body, string? contentType, string? encoding = null)
    {
        using var client = app.CreateAgent();
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return await client.PostAsync(Route, content, TestContext.Current.CancellationToken);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

public sealed class RequestBodyFormatOnSqliteTests(AdvertStatusApp app) : RequestBodyFormatTests(app), IClassFixture<AdvertStatusApp>;

public sealed class RequestBodyFormatOnSqlServerTests : RequestBodyFormatTests, IClassFixture<SqlServerApp>
{
    public RequestBodyFormatOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
