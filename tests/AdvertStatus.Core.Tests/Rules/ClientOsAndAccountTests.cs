using AdvertStatus.Core.Rules;

namespace AdvertStatus.Core.Tests.Rules;

public class ClientOsAndAccountTests
{
    [Theory]
    [InlineData("Windows 2000 Professional", ClientOsFamily.WindowsNT)]
    [InlineData("Microsoft Windows NT Workstation 4.0", ClientOsFamily.WindowsNT)]
    [InlineData("Windows XP Professional", ClientOsFamily.WindowsNT)]
    [InlineData("Windows 98", ClientOsFamily.Windows9x)]
    [InlineData("Windows 95/98", ClientOsFamily.Windows9x)]
    [InlineData("Windows 95", ClientOsFamily.Windows9x)]
    [InlineData("Windows Me", ClientOsFamily.Windows9x)]
    [InlineData("Windows Millennium Edition", ClientOsFamily.Windows9x)]
    [InlineData(null, ClientOsFamily.Unknown)]
    [InlineData("OS/2 Warp", ClientOsFamily.Unknown)]
    public void Classifies_the_client_OS(string? os, ClientOsFamily expected)
    {
        Assert.Equal(expected, ClientOs.Classify(os));
    }

    [Theory]
    [InlineData("SMSCliToknAcct&", true)]
    [InlineData("smsclitoknacct&", true)]
    [InlineData(" SMSCLITOKNACCT& ", true)]
    [InlineData(@"CORP\SMSCliToknAcct&", true)]
    [InlineData("SMSCliToknAcct", false)]          // the & is part of the name
    [InlineData("SMSCliToknLocalAcct&", false)]    // SMS 2003's local token account is another account
    [InlineData("SMSCliSvcAcct&", false)]
    [InlineData(null, false)]
    public void Matches_the_token_account_whole_and_case_insensitively(string? name, bool matches)
    {
        Assert.Equal(matches, ClientTokenAccount.Matches(name));
    }
}
