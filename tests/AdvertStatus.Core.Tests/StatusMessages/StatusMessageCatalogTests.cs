using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.StatusMessages;

public class StatusMessageCatalogTests
{
    [Theory]
    [InlineData(10002, "10002 Advertisement received")]
    [InlineData(10003, "10003 Error while preparing to run the program")]
    [InlineData(10008, "10008 Program completed successfully (exit code 0)")]
    [InlineData(10022, "10022 Preliminary success: a restart is pending, a 10008 follows")]
    [InlineData(10020, "Status 10020")]   // in the APM range, meaning unconfirmed (domain.md §3.1)
    public void A_message_ID_is_titled_with_its_meaning(int id, string expected) =>
        Assert.Equal(expected, StatusMessageCatalog.Title(id));

    [Theory]
    [InlineData(10008, null, MessageOutcome.Success)]
    [InlineData(10016, 0L, MessageOutcome.Success)]
    [InlineData(10005, null, MessageOutcome.Progress)]
    [InlineData(10022, null, MessageOutcome.Progress)]   // not a success until the 10008 after the restart
    [InlineData(10006, null, MessageOutcome.Failure)]
    [InlineData(10003, 1317L, MessageOutcome.Failure)]
    [InlineData(10020, 5L, MessageOutcome.Failure)]      // an unknown ID with an error is still a failure
    [InlineData(10020, null, MessageOutcome.Progress)]
    public void A_message_has_the_outcome_its_ID_and_error_say(int id, long? win32Error, MessageOutcome expected) =>
        Assert.Equal(expected, StatusMessageCatalog.OutcomeOf(id, win32Error));
}
