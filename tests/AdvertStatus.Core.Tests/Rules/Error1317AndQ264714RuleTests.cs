using AdvertStatus.Core.Rules;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.Rules;

public class Error1317AndQ264714RuleTests
{
    [Theory]
    [InlineData("1317")]
    [InlineData("0x525")]
    [InlineData("0x80070525")]
    [InlineData("2147943717")]
    [InlineData("-2147023579")]
    public void Flags_1317_in_every_form(string win32Error)
    {
        var observation = Error1317Rule.Evaluate(Failure("WKS01", T0, win32Error));

        Assert.NotNull(observation);
        Assert.Equal((RuleNames.Error1317, "WKS01|LAB20001", "LAB20001"), (observation.Rule, observation.Key, observation.AdvertisementId));
        Assert.True(Assert.Single(observation.Evidence).Counts);
    }

    [Theory]
    [InlineData("1326")]
    [InlineData("0x80004005")]
    [InlineData("0")]
    public void Ignores_other_codes(string win32Error)
    {
        Assert.Null(Error1317Rule.Evaluate(Failure("WKS01", T0, win32Error)));
    }

    [Theory]
    [InlineData(ClientOsFamily.Windows9x, true)]
    [InlineData(ClientOsFamily.WindowsNT, false)]
    [InlineData(ClientOsFamily.Unknown, false)]
    public void Calls_1317_on_Windows_9x_Q264714_and_nothing_else(ClientOsFamily os, bool fires)
    {
        var observation = Q264714Rule.Evaluate(Failure("WKS98", T0, clientOs: "Windows 98"), os);

        Assert.Equal(fires, observation is not null);
    }
}
