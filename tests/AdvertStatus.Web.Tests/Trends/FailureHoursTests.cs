using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Overview;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Trends;

/// <summary>The overview's hourly 1317 chart, counted as failures arrive rather than from a week of evidence.</summary>
public class FailureHoursTests
{
    [Fact]
    public async Task Each_1317_failure_counts_once_in_the_hour_it_happened_whatever_the_order_and_re_sends()
    {
        await using var app = new AdvertStatusApp();
        static Dictionary<string, object?> Failure(string machine, string recordId, string time, int messageId = 10003)
        {
            var message = Samples.StatusMessage(machine, recordId, messageId);
            message["time"] = time;
            return message;
        }

        var late = Failure("HOURSA", "2", "2026-11-20T05:00:00Z");
        var batch = new[] { late, Failure("HOURSA", "1", "2026-11-20T03:50:00Z"), Failure("HOURSB", "1", "2026-11-20T03:10:00Z") };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { late }));   // re-sent
        var success = Failure("HOURSC", "1", "2026-11-20T03:20:00Z", messageId: 10008);
        success["win32Error"] = null;
        success.Remove("text");   // the sample text reports error 1317
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { success }));

        var range = TimeRange.Parse(TimeRange.Custom, "2026-11-20", "2026-11-20", AdvertStatusApp.Now.UtcDateTime);
        var overview = await app.Services.GetRequiredService<OverviewQueries>().GetAsync(TestContext.Current.CancellationToken, range);

        var perHour = overview.Hours.Zip(overview.FailuresPerHour).Where(h => h.Second > 0).ToDictionary(h => h.First.Hour, h => h.Second);
        Assert.Equal(new Dictionary<int, double> { [3] = 2, [5] = 1 }, perHour);
    }
}
