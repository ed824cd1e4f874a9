using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.StatusMessages;

public class SeverityParserTests
{
    [Theory]
    [InlineData("Informational", Severity.Informational)]
    [InlineData("warning", Severity.Warning)]
    [InlineData("ERROR", Severity.Error)]
    [InlineData("1073741824", Severity.Informational)]
    [InlineData("2147483648", Severity.Warning)]
    [InlineData("3221225472", Severity.Error)]
    [InlineData("-2147483648", Severity.Warning)]     // signed, as ConfigMgr SQL views store it
    [InlineData("-1073741824", Severity.Error)]
    [InlineData("0xC0000000", Severity.Error)]
    [InlineData("0x40000000", Severity.Informational)]
    public void Reads_every_form_of_a_severity(string text, Severity expected)
    {
        Assert.True(SeverityParser.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData("Critical")]
    [InlineData("0")]
    [InlineData("12345")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0xZZ")]
    public void Refuses_anything_else(string? text)
    {
        Assert.False(SeverityParser.TryParse(text, out _));
    }
}
