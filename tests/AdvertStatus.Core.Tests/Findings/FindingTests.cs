using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using static AdvertStatus.Core.Tests.Rules.RuleFacts;

namespace AdvertStatus.Core.Tests.Findings;

public class FindingTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    private static (Finding, EvidenceItem, EvidenceItem) Opened()
    {
        var first = EvidenceItem.From(Failure("WKS01", T0));
        var second = EvidenceItem.From(Failure("WKS01", T0.AddMinutes(-10)));
        var finding = Finding.Open(Error1317Rule.Evaluate(Failure("WKS01", T0))!, Now);
        finding.Record([first, second], Now);
        return (finding, first, second);
    }

    [Fact]
    public void Counts_evidence_and_spans_first_and_last_seen()
    {
        var (finding, first, second) = Opened();

        Assert.Equal((2, second.Time, first.Time, FindingState.Open), (finding.Count, finding.FirstSeen, finding.LastSeen, finding.State));
    }

    [Fact]
    public void Does_not_count_context_evidence()
    {
        var finding = Finding.Open(Error1317Rule.Evaluate(Failure("WKS01", T0))!, Now);

        finding.Record([EvidenceItem.From(Lockout("WKS01", T0), counts: false)], Now);

        Assert.Equal(0, finding.Count);
    }

    [Fact]
    public void Moves_open_to_acknowledged_to_resolved()
    {
        var (finding, _, _) = Opened();

        Assert.True(finding.Acknowledge(Now.AddMinutes(1), "user:op@example.org"));
        Assert.Equal(FindingState.Acknowledged, finding.State);
        Assert.True(finding.Resolve(Now.AddMinutes(2), "user:op@example.org"));
        Assert.Equal((FindingState.Resolved, Now.AddMinutes(2)), (finding.State, finding.StateChangedAt));
        Assert.True(finding.Resolve(Now.AddMinutes(3), "user:op@example.org"));
        Assert.False(finding.Acknowledge(Now.AddMinutes(4), "user:op@example.org"));
        Assert.Equal(FindingState.Resolved, finding.State);
    }

    [Fact]
    public void Reopens_a_resolved_finding_on_a_recurrence()
    {
        var (finding, _, _) = Opened();
        finding.Resolve(Now, "user:op@example.org");

        finding.Record([EvidenceItem.From(Failure("WKS01", Now.AddHours(1)))], Now.AddHours(1));

        Assert.Equal((FindingState.Open, 3), (finding.State, finding.Count));
    }

    [Fact]
    public void Stays_resolved_when_old_evidence_arrives_late()
    {
        var (finding, _, _) = Opened();
        finding.Resolve(Now, "user:op@example.org");

        finding.Record([EvidenceItem.From(Failure("WKS01", T0.AddMinutes(-30)))], Now.AddHours(1));

        Assert.Equal((FindingState.Resolved, 3), (finding.State, finding.Count));
    }

    [Fact]
    public void Bumps_the_concurrency_version_on_every_change()
    {
        var (finding, _, _) = Opened();
        var version = finding.Version;

        finding.Acknowledge(Now, "user:op@example.org");

        Assert.Equal(version + 1, finding.Version);
    }

    [Fact]
    public void Records_who_acknowledged_and_resolved_and_keeps_the_first_of_each()
    {
        var (finding, _, _) = Opened();

        finding.Acknowledge(Now.AddMinutes(1), "user:ann@example.org");
        finding.Acknowledge(Now.AddMinutes(2), "key:console");
        finding.Resolve(Now.AddMinutes(3), "user:bob@example.org");

        Assert.Equal(("user:ann@example.org", Now.AddMinutes(1)), (finding.AcknowledgedBy, finding.AcknowledgedAt));
        Assert.Equal(("user:bob@example.org", Now.AddMinutes(3)), (finding.ResolvedBy, finding.ResolvedAt));
    }

    [Fact]
    public void Forgets_who_resolved_it_when_a_recurrence_reopens_it()
    {
        var (finding, _, _) = Opened();
        finding.Acknowledge(Now, "user:ann@example.org");
        finding.Resolve(Now, "user:ann@example.org");

        finding.Record([EvidenceItem.From(Failure("WKS01", Now.AddHours(1)))], Now.AddHours(1));

        Assert.Equal((FindingState.Open, null, null), (finding.State, finding.AcknowledgedBy, finding.ResolvedBy));
    }

    [Fact]
    public void Does_not_record_an_actor_for_a_refused_move()
    {
        var (finding, _, _) = Opened();
        finding.Resolve(Now, "user:ann@example.org");

        Assert.False(finding.Acknowledge(Now.AddMinutes(1), "user:bob@example.org"));

        Assert.Null(finding.AcknowledgedBy);
    }
}
