using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.StatusMessages;

/// <summary>The text shapes of the KBs quoted in shared/domain.md and shared/samples.md.</summary>
public class StatusMessageTextTests
{
    public static TheoryData<string, string?, string?, string?, string?, long?, long?> Texts => new()
    {
        // 10003, Q307434
        {
            "An error occurred while preparing to run the program for advertisement \"LAB20001\" (\"Office 2000\" - \"Setup\"). The operating system reported error 1317. The specified user does not exist.",
            "LAB20001", "Office 2000", "Setup", null, 1317, null
        },
        // 10002, RG-26 template
        { "Advertisement DEF20001 was received from site DEF.", "DEF20001", null, null, "DEF", null, null },
        // 10018, Q321580
        { "Advertisement GRN20000 from site GRN was rejected because the client's platform is not supported.", "GRN20000", null, null, "GRN", null, null },
        // 10012, Q316021
        { "Uninstall started for advertisement \"TOP20003\" (\"Visio\" - \"Uninstall\"). Command line: \"setup /x\" Working Directory: \"C:\\\"", "TOP20003", "Visio", "Uninstall", null, null, null },
        // 10013, Q316021: the names come after "failed"
        { "The uninstall program for advertisement \"TOP20003\" failed (\"Visio\" - \"Uninstall\"). A non-zero exit code of 1603 was returned.", "TOP20003", "Visio", "Uninstall", null, null, 1603 },
        // 10015
        { "The uninstall program for advertisement \"TOP20003\" completed successfully (\"Visio\" - \"Uninstall\"). An exit code of zero was returned.", "TOP20003", "Visio", "Uninstall", null, null, null },
        // lower-case id is normalised
        { "Advertisement lab20002 was received from site lab.", "LAB20002", null, null, "LAB", null, null },
        // nothing to find
        { "The SMS client was installed.", null, null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Reads_the_fields_of_each_message_shape(string text, string? advert, string? package, string? program, string? site, long? error, long? exitCode)
    {
        var parsed = StatusMessageText.Parse(text);

        Assert.Equal(new ParsedStatusText(advert, package, program, site, error, exitCode), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Returns_nothing_for_no_text(string? text)
    {
        Assert.Equal(ParsedStatusText.Empty, StatusMessageText.Parse(text));
    }
}
