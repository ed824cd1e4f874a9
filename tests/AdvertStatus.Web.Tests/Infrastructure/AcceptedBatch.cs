using System.Net;
using System.Net.Http.Json;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>The 202 body of the ingestion routes.</summary>
public sealed record AcceptedBatch(int Accepted, int Duplicates, int Conflicts, int? Ignored)
{
    public static async Task<AcceptedBatch> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<AcceptedBatch>(TestContext.Current.CancellationToken))!;
    }
}
