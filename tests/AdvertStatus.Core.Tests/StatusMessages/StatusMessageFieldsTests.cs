using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.StatusMessages;

public class StatusMessageFieldsTests
{
    private static StatusMessage Message(int messageId = 10003, string? text = null) => new()
    {
        RecordId = "1",
        MachineName = "WKS01",
        SiteCode = "LAB",
        MessageId = messageId,
        Text = text,
    };

    [Fact]
    public void Prefers_explicit_fields_over_attributes_strings_and_text()
    {
        var message = Message(text: "An error occurred while preparing to run the program for advertisement \"TXT20001\" (\"TextPkg\" - \"TextProg\").");
        message.AdvertisementId = "exp20001";
        message.Attributes = [new() { AttributeId = MessageAttributeValue.AdvertisementId, Value = "ATT20001" }];
        message.InsertionStrings = ["INS20001", "", "", "InsPkg", "InsProg"];

        StatusMessageFields.Derive(message);

        Assert.Equal(("EXP20001", "InsPkg", "InsProg"), (message.AdvertisementId, message.PackageName, message.ProgramName));
    }

    [Fact]
    public void Takes_the_attribute_before_insertion_strings_and_text()
    {
        var message = Message(text: "Advertisement TXT20001 was received from site LAB.");
        message.Attributes =
        [
            new() { AttributeId = 401, Value = "att20001" },
            new() { AttributeId = 400, Value = "LAB00001" },
            new() { AttributeId = 402, Value = "SMS00001" },
            new() { AttributeId = 403, Value = @"CORP\jdoe" },
            new() { AttributeId = 404, Value = @"\\DP01\SMSPKGC$" },
        ];
        message.InsertionStrings = ["INS20001"];

        StatusMessageFields.Derive(message);

        Assert.Equal(("ATT20001", "LAB00001", "SMS00001"), (message.AdvertisementId, message.PackageId, message.CollectionId));
        Assert.Equal((@"CORP\jdoe", @"\\DP01\SMSPKGC$"), (message.UserName, message.DistributionPoint));
    }

    [Fact]
    public void Takes_insertion_string_1_before_the_text()
    {
        var message = Message(10002, "Advertisement TXT20001 was received from site LAB.");
        message.InsertionStrings = ["INS20001", "LAB"];

        StatusMessageFields.Derive(message);

        Assert.Equal("INS20001", message.AdvertisementId);
        Assert.Null(message.PackageName);   // %4/%5 need five strings
    }

    [Fact]
    public void Reads_insertion_string_1_of_10001_as_the_package()
    {
        var message = Message(10001);
        message.InsertionStrings = ["LAB00007"];

        StatusMessageFields.Derive(message);

        Assert.Equal(("LAB00007", (string?)null), (message.PackageId, message.AdvertisementId));
    }

    [Fact]
    public void Does_not_read_insertion_strings_of_non_APM_messages_as_advertisements()
    {
        var message = Message(500);
        message.InsertionStrings = ["SMS_EXECUTIVE"];

        StatusMessageFields.Derive(message);

        Assert.Null(message.AdvertisementId);
    }

    [Theory]
    [InlineData(0x80070525L, 1317L)]
    [InlineData(1317L, 1317L)]
    [InlineData(0x80004005L, 0x80004005L)]
    public void Normalises_the_Win32_code(long raw, long code)
    {
        var message = Message();
        message.Win32Error = raw;

        StatusMessageFields.Derive(message);

        Assert.Equal(code, message.Win32Code);
    }

    [Fact]
    public void Takes_the_Win32_error_from_the_text_when_none_was_sent()
    {
        var message = Message(text: "An error occurred while preparing to run the program for advertisement \"LAB20001\" (\"Office 2000\" - \"Setup\"). The operating system reported error 1317. The specified user does not exist.");

        StatusMessageFields.Derive(message);

        Assert.Equal((1317L, 1317L), (message.Win32Error, message.Win32Code));
    }
}
