using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.AdvertisementStatus;

public class MachineTallyTests
{
    private static StatusMessage At(int messageId, int minute) => Message("WKS01", messageId, T0.AddMinutes(minute));

    [Fact]
    public void Fills_the_console_columns()
    {
        var tally = MachineTally.From([At(10002, 0), At(10005, 1), At(10006, 2), At(10003, 3), At(10005, 4), At(10008, 5)]);

        Assert.Equal((1, 1, 2, 1, 1), (tally.Received, tally.Failures, tally.ProgramsStarted, tally.ProgramErrors, tally.ProgramSuccess));
        Assert.Equal((10008, T0.AddMinutes(5)), (tally.LastMessageId, tally.LastTime));
    }

    [Theory]
    [InlineData(10008, 10008)]
    [InlineData(10008, 10009)]
    public void Counts_a_double_success_in_one_run_once(int first, int second)
    {
        Assert.Equal(1, MachineTally.From([At(10005, 0), At(first, 1), At(second, 2)]).ProgramSuccess);
    }

    [Fact]
    public void Counts_a_success_in_each_run()
    {
        Assert.Equal(2, MachineTally.From([At(10005, 0), At(10008, 1), At(10005, 10), At(10008, 11)]).ProgramSuccess);
    }

    [Fact]
    public void Does_not_count_the_preliminary_success_10022()
    {
        var tally = MachineTally.From([At(10005, 0), At(10022, 1)]);

        Assert.Equal((0, 10005), (tally.ProgramSuccess, tally.LastMessageId));
    }

    [Fact]
    public void Gives_the_same_counts_in_any_arrival_order()
    {
        StatusMessage[] messages = [At(10002, 0), At(10005, 1), At(10008, 2), At(10009, 3), At(10005, 9), At(10007, 10), At(10005, 20), At(10008, 21)];
        var expected = MachineTally.From(messages);

        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            Assert.Equal(expected, MachineTally.From(messages.OrderBy(_ => random.Next())));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void Continuing_from_the_tally_of_aged_out_messages_gives_the_tally_of_all(int agedCount)
    {
        StatusMessage[] messages = [At(10002, 0), At(10005, 1), At(10008, 2), At(10009, 3), At(10005, 9), At(10007, 10), At(10005, 20), At(10008, 21)];
        var aged = MachineTally.From(messages.Take(agedCount));

        Assert.Equal(MachineTally.From(messages), MachineTally.From(messages.Skip(agedCount), aged));
    }

    [Fact]
    public void With_nothing_new_the_aged_tally_stands_as_it_was()
    {
        var aged = MachineTally.From([At(10005, 0), At(10008, 1)]);

        Assert.Equal(aged, MachineTally.From([], aged));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void A_row_continues_its_tally_with_later_messages_to_the_tally_of_all(int counted)
    {
        StatusMessage[] messages = [At(10002, 0), At(10005, 1), At(10008, 2), At(10009, 3), At(10005, 9), At(10007, 10), At(10005, 20), At(10008, 21)];
        var row = new AdvertisementMachineStatus { AdvertisementId = "LAB20001", MachineName = "WKS01" };
        row.Apply(MachineTally.From(messages.Take(counted)));

        Assert.Equal(MachineTally.From(messages), row.Continue([.. messages.Skip(counted)]));
    }

    [Theory]
    [InlineData(0)]   // before the last counted message
    [InlineData(3)]   // at the same time: the order between them is not known from the row
    public void A_row_does_not_continue_with_a_message_that_is_not_later_than_its_last(int minute)
    {
        var row = new AdvertisementMachineStatus { AdvertisementId = "LAB20001", MachineName = "WKS01" };
        row.Apply(MachineTally.From([At(10005, 1), At(10008, 3)]));

        Assert.Null(row.Continue([At(10008, minute), At(10005, 30)]));
    }

    [Fact]
    public void A_row_counted_before_the_run_state_was_kept_is_not_continued()
    {
        var row = new AdvertisementMachineStatus { AdvertisementId = "LAB20001", MachineName = "WKS01", Received = 1, LastTime = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc) };

        Assert.Null(row.Continue([At(10008, 600)]));
    }
}
