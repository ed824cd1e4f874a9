using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.Rules;

public class RepeatedLockoutRuleTests
{
    private static readonly RuleSettings Settings = RuleSettings.Default; // 3 in 60 minutes

    [Fact]
    public void Flags_the_third_lockout_within_the_window()
    {
        SecurityEvent[] lockouts = [Lockout("WKS01", T0), Lockout("WKS02", T0.AddMinutes(20)), Lockout("WKS01", T0.AddMinutes(40))];

        var observation = RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings);

        Assert.NotNull(observation);
        Assert.Equal(("CORP|SMSCliToknAcct&", 3), (observation.Key, observation.Evidence.Count));
    }

    [Fact]
    public void Does_not_flag_two_lockouts()
    {
        Assert.Null(RepeatedLockoutRule.Evaluate("CORP", [Lockout("WKS01", T0), Lockout("WKS01", T0.AddMinutes(1))], Settings));
    }

    [Fact]
    public void Counts_lockouts_exactly_the_window_apart()
    {
        SecurityEvent[] lockouts = [Lockout("WKS01", T0), Lockout("WKS01", T0.AddMinutes(30)), Lockout("WKS01", T0.AddMinutes(60))];

        Assert.NotNull(RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings));
    }

    [Fact]
    public void Does_not_count_a_lockout_just_outside_the_window()
    {
        SecurityEvent[] lockouts = [Lockout("WKS01", T0), Lockout("WKS01", T0.AddMinutes(30)), Lockout("WKS01", T0.AddMinutes(60).AddSeconds(1))];

        Assert.Null(RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings));
    }

    [Fact]
    public void Keeps_only_lockouts_that_lie_in_a_qualifying_window()
    {
        var early = Lockout("WKS09", T0.AddHours(-5));
        SecurityEvent[] burst = [Lockout("WKS01", T0), Lockout("WKS02", T0.AddMinutes(10)), Lockout("WKS03", T0.AddMinutes(50))];

        var observation = RepeatedLockoutRule.Evaluate("CORP", [early, .. burst], Settings);

        Assert.Equal(burst.Select(e => e.Id), observation!.Evidence.Select(e => e.SourceId));
    }

    [Fact]
    public void Ignores_other_accounts_and_unlocks()
    {
        var unlock = Lockout("WKS01", T0.AddMinutes(5));
        unlock.Kind = SecurityEventKind.Unlock;
        SecurityEvent[] events = [Lockout("WKS01", T0), Lockout("WKS01", T0.AddMinutes(1), account: "jdoe"), unlock, Lockout("WKS01", T0.AddMinutes(2))];

        Assert.Null(RepeatedLockoutRule.Evaluate("CORP", events, Settings));
    }

    [Fact]
    public void Uses_the_configured_threshold_and_window()
    {
        SecurityEvent[] lockouts = [Lockout("WKS01", T0), Lockout("WKS01", T0.AddMinutes(8))];

        Assert.NotNull(RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings with { LockoutThreshold = 2, LockoutWindow = TimeSpan.FromMinutes(10) }));
        Assert.Null(RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings with { LockoutThreshold = 2, LockoutWindow = TimeSpan.FromMinutes(5) }));
    }

    [Fact]
    public void Gives_the_same_evidence_in_any_order()
    {
        var lockouts = Enumerable.Range(0, 12).Select(i => Lockout($"WKS{i % 4}", T0.AddMinutes(i * 17))).ToList();
        var expected = RepeatedLockoutRule.Evaluate("CORP", lockouts, Settings)!.Evidence.Select(e => e.SourceId).Order().ToList();

        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var shuffled = lockouts.OrderBy(_ => random.Next()).ToList();
            Assert.NotEqual(lockouts.Select(l => l.Id), shuffled.Select(l => l.Id));
            Assert.Equal(expected, RepeatedLockoutRule.Evaluate("CORP", shuffled, Settings)!.Evidence.Select(e => e.SourceId).Order());
        }
    }
}
