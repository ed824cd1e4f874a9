using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// The console columns of one advertisement on one machine, kept by continuing the tally for messages
/// that arrive in order and by a recount for one that arrives late: exact either way.
/// </summary>
public class AdvertisementTallyTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static Dictionary<string, object?> Message(string machine, string advert, int recordId, int messageId, int minute) => new()
    {
        ["recordId"] = recordId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["machineName"] = machine,
        ["siteCode"] = "LAB",
        ["time"] = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc).AddMinutes(minute).ToString("O"),
        ["messageId"] = messageId,
        ["advertisementId"] = advert,
    };

    /// <summary>What a full count of every message gives, by the Core rule.</summary>
    private static MachineTally Expected(IEnumerable<Dictionary<string, object?>> messages) => MachineTally.From(messages
        .DistinctBy(m => m["recordId"])
        .Select(m => new StatusMessage
        {
            RecordId = (string)m["recordId"]!,
            MachineName = (string)m["machineName"]!,
            SiteCode = "LAB",
            MessageId = (int)m["messageId"]!,
            Time = DateTime.Parse((string)m["time"]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
        }));

    [Fact]
    public async Task In_order_late_re_sent_and_double_success_messages_over_many_batches_count_as_one_full_count()
    {
        var machine = Unique.Machine();
        var advert = "T" + Unique.Id()[..7].ToUpperInvariant();
        var sent = new List<Dictionary<string, object?>>();
        async Task SendAsync(params Dictionary<string, object?>[] batch)
        {
            await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));
            sent.AddRange(batch);
        }

        await SendAsync(Message(machine, advert, 1, 10002, 0));                                   // a new pair
        await SendAsync(Message(machine, advert, 2, 10005, 10), Message(machine, advert, 3, 10008, 20));   // continues
        await SendAsync(Message(machine, advert, 4, 10009, 21));                                  // same run: counts once
        await SendAsync(Message(machine, advert, 5, 10003, 5));                                   // late: recount
        await SendAsync(Message(machine, advert, 3, 10008, 20));                                  // re-sent
        await SendAsync(Message(machine, advert, 6, 10005, 30), Message(machine, advert, 7, 10008, 40));   // a second run, continued

        using var client = app.CreateAgent();
        var row = Assert.Single((await ApiReader.GetAsync<Page<AdvertisementMachineItem>>(client, $"/api/v1/advertisements/{advert}/machines")).Items);
        var expected = Expected(sent);
        Assert.Equal(
            (expected.Received, expected.Failures, expected.ProgramsStarted, expected.ProgramErrors, expected.ProgramSuccess, expected.LastMessageId, expected.LastTime),
            (row.Received, row.Failures, row.ProgramsStarted, row.ProgramErrors, row.ProgramSuccess, row.LastMessageId, row.LastTime));
        Assert.Equal((1, 1, 2, 0, 2), (row.Received, row.Failures, row.ProgramsStarted, row.ProgramErrors, row.ProgramSuccess));
    }
}
