using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Rules;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.Rules;

public class LocalInstallAccountAfterFixRuleTests
{
    private static Advertisement Advert(bool usesAccount, string? account) => new()
    {
        AdvertisementId = "LAB20002",
        UsesSoftwareInstallationAccount = usesAccount,
        SoftwareInstallationAccount = account,
    };

    [Theory]
    [InlineData(Verdict.Fixed, true, "SOFTDIST", true)]
    [InlineData(Verdict.Fixed, true, @"CORP\SOFTDIST", false)]
    [InlineData(Verdict.Fixed, true, "softdist@corp.local", false)]
    [InlineData(Verdict.Fixed, false, "SOFTDIST", false)]
    [InlineData(Verdict.Vulnerable, true, "SOFTDIST", false)]
    [InlineData(Verdict.Unknown, true, "SOFTDIST", false)]
    public void Fires_only_for_a_fixed_machine_running_an_advertisement_with_a_local_installation_account(Verdict verdict, bool usesAccount, string account, bool fires)
    {
        var observation = LocalInstallAccountAfterFixRule.Evaluate([Message("WKS05", 10005, T0, "LAB20002")], verdict, Advert(usesAccount, account));

        Assert.Equal(fires, observation is not null);
        if (observation is not null)
        {
            Assert.Equal(("WKS05|LAB20002", "SOFTDIST"), (observation.Key, observation.Account));
        }
    }
}
