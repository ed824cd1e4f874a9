using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;

namespace AdvertStatus.Core.Tests.Findings;

public class FindingSummariesTests
{
    private static Finding Q307434() => new() { Rule = RuleNames.Q307434, Key = "WKS01", MachineName = "WKS01", Count = 2 };

    [Fact]
    public void Tells_a_vulnerable_machine_to_apply_the_hotfix_on_every_site()
    {
        var summary = FindingSummaries.Describe(Q307434(), Verdict.Vulnerable, "2.00.1493.4012");

        Assert.Contains("2.00.1493.4012", summary, StringComparison.Ordinal);
        Assert.Contains("plain SP4", summary, StringComparison.Ordinal);
        Assert.Contains("every primary and secondary site", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Tells_a_fixed_machine_it_runs_a_fixed_build()
    {
        Assert.Contains("fixed build (2.00.1493.3187)", FindingSummaries.Describe(Q307434(), Verdict.Fixed, "2.00.1493.3187"), StringComparison.Ordinal);
    }

    [Fact]
    public void Says_Q264714_is_not_Q307434()
    {
        var finding = new Finding { Rule = RuleNames.Q264714, Key = "WKS98|LAB20001", MachineName = "WKS98", AdvertisementId = "LAB20001" };

        Assert.Contains("This is not Q307434", FindingSummaries.Describe(finding, Verdict.Unknown, null), StringComparison.Ordinal);
    }
}
