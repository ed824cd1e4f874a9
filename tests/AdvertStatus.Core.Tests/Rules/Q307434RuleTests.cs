using AdvertStatus.Core.Rules;
using AdvertStatus.Core.StatusMessages;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.Rules;

public class Q307434RuleTests
{
    private static readonly RuleSettings Settings = RuleSettings.Default; // ±30 minutes

    private static ClientOsFamily Os(StatusMessage m) => ClientOs.Classify(m.ClientOs);

    [Fact]
    public void Diagnoses_a_workstation_that_reports_1317_and_is_the_caller_of_a_lockout()
    {
        var failure = Failure("WKS01", T0);
        var lockout = Lockout("WKS01", T0.AddMinutes(2));

        var observation = Assert.Single(Q307434Rule.Evaluate([failure], [lockout], Os, Settings));

        Assert.Equal((RuleNames.Q307434, "WKS01", "WKS01"), (observation.Rule, observation.Key, observation.MachineName));
        Assert.Equal([(failure.Id, true), (lockout.Id, false)], observation.Evidence.Select(e => (e.SourceId, e.Counts)));
    }

    [Fact]
    public void Diagnoses_from_a_bad_password_event_naming_the_workstation()
    {
        Assert.Single(Q307434Rule.Evaluate([Failure("WKS01", T0)], [BadPassword("WKS01", T0.AddMinutes(-30))], Os, Settings));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(-31)]
    public void Does_not_correlate_outside_the_window(int minutes)
    {
        Assert.Empty(Q307434Rule.Evaluate([Failure("WKS01", T0)], [Lockout("WKS01", T0.AddMinutes(minutes))], Os, Settings));
    }

    [Fact]
    public void Never_diagnoses_a_Windows_9x_client()
    {
        Assert.Empty(Q307434Rule.Evaluate([Failure("WKS98", T0, clientOs: "Windows 98")], [Lockout("WKS98", T0)], Os, Settings));
    }

    [Fact]
    public void Diagnoses_a_client_of_unknown_OS()
    {
        Assert.Single(Q307434Rule.Evaluate([Failure("WKS01", T0, clientOs: null)], [Lockout("WKS01", T0)], Os, Settings));
    }

    [Fact]
    public void Needs_the_token_account_the_same_machine_and_error_1317()
    {
        Assert.Empty(Q307434Rule.Evaluate([Failure("WKS01", T0)], [Lockout("WKS01", T0, account: "jdoe")], Os, Settings));
        Assert.Empty(Q307434Rule.Evaluate([Failure("WKS01", T0)], [Lockout("WKS02", T0)], Os, Settings));
        Assert.Empty(Q307434Rule.Evaluate([Failure("WKS01", T0, win32Error: "1326")], [Lockout("WKS01", T0)], Os, Settings));
    }

    [Fact]
    public void Counts_correlated_failures_and_keeps_each_event_once()
    {
        var failures = new[] { Failure("WKS01", T0), Failure("WKS01", T0.AddMinutes(5)), Failure("WKS01", T0.AddHours(3)) };
        var lockout = Lockout("WKS01", T0.AddMinutes(3));

        var observation = Assert.Single(Q307434Rule.Evaluate(failures, [lockout], Os, Settings));

        Assert.Equal(2, observation.Evidence.Count(e => e.Counts));
        Assert.Single(observation.Evidence, e => !e.Counts);
    }
}
