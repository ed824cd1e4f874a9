using System.Net;
using System.Net.Http.Json;
using System.Text;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using AdvertStatus.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// Ingestion takes a request only while it can: a bounded number at once, read or not, and none while the projector
/// is too far behind. A refused request gets 503 with Retry-After at once, before its body is read, and nothing of it
/// is stored (agents send it again).
/// </summary>
public class IngestionAdmissionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_beyond_the_concurrent_limit_is_refused_before_its_body_is_read()
    {
        // Real sockets: the in-memory test server reads a whole body before the app sees the request.
        await using var app = new LimitedApp(("Ingestion:MaxConcurrentRequests", "1"));
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        app.ClientOptions.BaseAddress = address;
        using var client = app.CreateAgent();
        var admission = app.Services.GetRequiredService<IngestionAdmission>();
        var body = Encoding.UTF8.GetBytes("[" + System.Text.Json.JsonSerializer.Serialize(Samples.StatusMessage(Unique.Machine("SLOW"), "1")) + "]");
        // A slow agent on a slow link: its headers and the first byte of its body, then nothing for a while.
        using var slow = new System.Net.Sockets.TcpClient();
        await slow.ConnectAsync(address.Host, address.Port, Cancel);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/status-messages HTTP/1.1\r\nHost: {address.Authority}\r\nX-Api-Key: {AdvertStatusApp.ApiKey}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), Cancel);
        await stream.WriteAsync(body.AsMemory(0, 1), Cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (admission.AvailablePermits > 0)
        {
            await Task.Delay(5, deadline.Token);   // until the slow request holds the one permit, reading its body
        }

        var machine = Unique.Machine("REFUSED");

        var refused = await client.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(machine, "1") }, Cancel);
        var problem = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
        await stream.WriteAsync(body.AsMemory(1), Cancel);
        var answer = new byte[12];
        await stream.ReadExactlyAsync(answer, Cancel);

        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Contains("nothing was stored", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("HTTP/1.1 202", Encoding.ASCII.GetString(answer));
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine, Cancel)));
    }

    [Fact]
    public async Task Batches_are_refused_while_the_projector_is_more_items_behind_than_allowed()
    {
        await using var app = new LimitedApp(("Ingestion:MaxPendingItems", "1"));
        await app.QueryAsync(db => db.ProjectionLeases.ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "another instance")
            .SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(5)), Cancel));
        using var client = app.CreateAgent();
        client.DefaultRequestHeaders.Remove("Prefer");   // nothing is projected while another instance holds the lease
        var (machine, refused) = (Unique.Machine("BEHIND"), Unique.Machine("REFUSED"));

        var accepted = await client.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(machine, "1"), Samples.StatusMessage(machine, "2") }, Cancel);
        var behind = await client.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(refused, "1") }, Cancel);
        var problem = await Problem.ReadAsync(behind, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("5", Assert.Single(behind.Headers.GetValues("Retry-After")));
        Assert.Contains("waiting for the projector", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == refused, Cancel)));
    }

    private sealed class LimitedApp(params (string Key, string Value)[] settings) : AdvertStatusApp
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
