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
}
