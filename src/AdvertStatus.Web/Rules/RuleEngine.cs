using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Rules;

/// <summary>
/// Runs the Core rules on newly stored data. For each rule it loads only what that rule needs around
/// the new rows (the same machines, accounts and advertisements, within the rule's time window), so a
/// batch costs work in proportion to the batch and the neighbourhood it touches, not to the history.
/// Runs inside the ingestion transaction, after the new rows are inserted and have their ids and the
/// caller has saved its changes. What the rules read, they only read: untracked, so the recorder's saves
/// do not scan it for changes.
/// </summary>
internal sealed class RuleEngine(FindingRecorder recorder, RuleSettingsStore settingsStore)
{
    /// <summary>Error1317, Q264714, the message side of Q307434, and LocalInstallAccountAfterFix.</summary>
    public async Task<IReadOnlyCollection<Finding>> OnStatusMessagesAsync(AdvertStatusDbContext db, IReadOnlyList<StatusMessage> fresh, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>();
        var failures = fresh.Where(m => m.Win32Code == Win32Error.NoSuchUser).ToList();
        if (failures.Count > 0)
        {
            // A machine's stored OS matters only for a message that names none of its own.
            var machines = await LoadMachinesAsync(db, failures.Where(f => !NamesItsOs(f)).Select(f => f.MachineName), cancellationToken);
            ClientOsFamily OsOf(StatusMessage m) => FamilyOf(m, machines);

            foreach (var failure in failures)
            {
                observations.AddIfNotNull(Error1317Rule.Evaluate(failure));
                observations.AddIfNotNull(Q264714Rule.Evaluate(failure, OsOf(failure)));
            }

            var settings = await settingsStore.CurrentAsync(db, cancellationToken);
            observations.AddRange(await CorrelateAsync(db, failures.Select(f => f.MachineName), failures.Select(f => f.Time), machines, settings, cancellationToken));
        }

        observations.AddRange(await LocalAccountObservationsAsync(db, fresh.Where(m => m.AdvertisementId is not null).ToList(), cancellationToken));
        return await recorder.RecordAsync(db, observations, cancellationToken);
    }

    /// <summary>RepeatedLockout and the event side of Q307434.</summary>
    public async Task<IReadOnlyCollection<Finding>> OnSecurityEventsAsync(AdvertStatusDbContext db, IReadOnlyList<SecurityEvent> fresh, CancellationToken cancellationToken)
    {
        var account = fresh.Where(e => e.AccountKey == ClientTokenAccount.Key).ToList();
        if (account.Count == 0)
        {
            return [];
        }

        var observations = new List<Observation>();
        var settings = await settingsStore.CurrentAsync(db, cancellationToken);
        foreach (var domain in account.Where(e => e.Kind == SecurityEventKind.Lockout).GroupBy(e => e.AccountDomain))
        {
            var from = domain.Min(e => e.TimeCreated) - settings.LockoutWindow;
            var to = domain.Max(e => e.TimeCreated) + settings.LockoutWindow;
            var lockouts = await db.SecurityEvents.AsNoTracking()
                .Where(e => e.AccountKey == ClientTokenAccount.Key && e.Kind == SecurityEventKind.Lockout
                    && e.AccountDomain == domain.Key && e.TimeCreated >= from && e.TimeCreated <= to)
                .ToListAsync(cancellationToken);
            observations.AddIfNotNull(RepeatedLockoutRule.Evaluate(domain.Key ?? "", lockouts, settings));
        }

        var sourced = account.Where(e => e.SourceMachine is not null && e.Kind != SecurityEventKind.Unlock).ToList();
        if (sourced.Count > 0)
        {
            observations.AddRange(await CorrelateAsync(db, sourced.Select(e => e.SourceMachine!), sourced.Select(e => e.TimeCreated), [], settings, cancellationToken));
        }

        return await recorder.RecordAsync(db, observations, cancellationToken);
    }

    /// <summary>LocalInstallAccountAfterFix for machines whose inventory just made them Fixed.</summary>
    public async Task<IReadOnlyCollection<Finding>> OnMachinesFixedAsync(AdvertStatusDbContext db, IReadOnlyList<string> machineNames, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>();
        foreach (var chunk in machineNames.Chunk(InList.ChunkSize))
        {
            var advertIds = await db.StatusMessages.AsNoTracking()
                .Where(m => chunk.Contains(m.MachineName) && m.AdvertisementId != null)
                .Select(m => m.AdvertisementId!).Distinct().ToListAsync(cancellationToken);
            var local = (await LoadAdvertisementsAsync(db, advertIds, cancellationToken)).Values.Where(a => a.HasLocalInstallationAccount).Select(a => a.AdvertisementId).ToList();
            if (local.Count == 0)
            {
                continue;
            }

            var messages = await db.StatusMessages.AsNoTracking().Where(m => chunk.Contains(m.MachineName) && local.Contains(m.AdvertisementId!)).ToListAsync(cancellationToken);
            observations.AddRange(await LocalAccountObservationsAsync(db, messages, cancellationToken));
        }

        return await recorder.RecordAsync(db, observations, cancellationToken);
    }

    /// <summary>LocalInstallAccountAfterFix for advertisements that now use a local installation account.</summary>
    /// <remarks>
    /// The machines that ran an advertisement are found through its console tallies (one row per machine, keyed by
    /// the advertisement), not by scanning messages: messages are indexed by machine only, which keeps their inserts
    /// cheap (docs/performance.md). Every machine that received an advertisement has a row, 10002 being a column.
    /// </remarks>
    public async Task<IReadOnlyCollection<Finding>> OnAdvertisementsChangedAsync(AdvertStatusDbContext db, IReadOnlyList<Advertisement> advertisements, CancellationToken cancellationToken)
    {
        var local = advertisements.Where(a => a.HasLocalInstallationAccount).Select(a => a.AdvertisementId).ToList();
        if (local.Count == 0)
        {
            return [];
        }

        var machines = await db.AdvertisementMachineStatuses.AsNoTracking()
            .Where(s => local.Contains(s.AdvertisementId) && db.Machines.Any(m => m.MachineName == s.MachineName && m.Verdict == Verdict.Fixed))
            .Select(s => s.MachineName).Distinct().ToListAsync(cancellationToken);
        var messages = new List<StatusMessage>();
        foreach (var chunk in machines.Chunk(InList.ChunkSize))
        {
            messages.AddRange(await db.StatusMessages.AsNoTracking()
                .Where(m => chunk.Contains(m.MachineName) && local.Contains(m.AdvertisementId!))
                .ToListAsync(cancellationToken));
        }

        return await recorder.RecordAsync(db, await LocalAccountObservationsAsync(db, messages, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Q307434 for the given machines around the given times: every stored 1317 of those machines and
    /// every account event they caused within ±W of the new data, handed to the pure rule.
    /// </summary>
    /// <remarks>
    /// The rule needs both sides for a machine, so the events are read first and the failures only of the
    /// machines that caused one: most failing machines have none, and then nothing more is read.
    /// <paramref name="machines"/> are those already loaded; the others whose OS a stored failure leaves
    /// open are loaded here.
    /// </remarks>
    private static async Task<IReadOnlyList<Observation>> CorrelateAsync(
        AdvertStatusDbContext db, IEnumerable<string> machineNames, IEnumerable<DateTime> times, Dictionary<string, Machine> machines,
        RuleSettings settings, CancellationToken cancellationToken)
    {
        var names = machineNames.Distinct().ToList();
        var timeList = times.ToList();
        var from = timeList.Min() - (2 * settings.CorrelationWindow);
        var to = timeList.Max() + (2 * settings.CorrelationWindow);
        var events = new List<SecurityEvent>();
        foreach (var chunk in names.Chunk(InList.ChunkSize))
        {
            events.AddRange(await db.SecurityEvents.AsNoTracking()
                .Where(e => e.SourceMachine != null && chunk.Contains(e.SourceMachine) && e.AccountKey == ClientTokenAccount.Key
                    && e.Kind != SecurityEventKind.Unlock && e.TimeCreated >= from && e.TimeCreated <= to)
                .ToListAsync(cancellationToken));
        }

        var failures = new List<StatusMessage>();
        foreach (var chunk in events.Select(e => e.SourceMachine!).Distinct().Chunk(InList.ChunkSize))
        {
            failures.AddRange(await db.StatusMessages.AsNoTracking()
                .Where(m => chunk.Contains(m.MachineName) && m.Win32Code == Win32Error.NoSuchUser && m.Time >= from && m.Time <= to)
                .ToListAsync(cancellationToken));
        }

        var unknown = failures.Where(f => !NamesItsOs(f) && !machines.ContainsKey(f.MachineName)).Select(f => f.MachineName).ToList();
        if (unknown.Count > 0)
        {
            machines = new Dictionary<string, Machine>(machines);
            foreach (var (name, machine) in await LoadMachinesAsync(db, unknown, cancellationToken))
            {
                machines[name] = machine;
            }
        }

        return Q307434Rule.Evaluate(failures, events, m => FamilyOf(m, machines), settings);
    }

    private static async Task<List<Observation>> LocalAccountObservationsAsync(AdvertStatusDbContext db, List<StatusMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var adverts = await LoadAdvertisementsAsync(db, messages.Select(m => m.AdvertisementId!), cancellationToken);
        var relevant = messages.Where(m => adverts.TryGetValue(m.AdvertisementId!, out var a) && a.HasLocalInstallationAccount).ToList();
        if (relevant.Count == 0)
        {
            return [];
        }

        var machines = await LoadMachinesAsync(db, relevant.Select(m => m.MachineName), cancellationToken);
        var observations = new List<Observation>();
        foreach (var pair in relevant.GroupBy(m => (m.MachineName, m.AdvertisementId!)))
        {
            var verdict = machines.TryGetValue(pair.Key.MachineName, out var machine) ? machine.Verdict : Verdict.Unknown;
            observations.AddIfNotNull(LocalInstallAccountAfterFixRule.Evaluate([.. pair], verdict, adverts[pair.Key.Item2]));
        }

        return observations;
    }

    private static bool NamesItsOs(StatusMessage message) => ClientOs.Classify(message.ClientOs) != ClientOsFamily.Unknown;

    /// <summary>The message's own OS when it names one, else the machine's (inventory or earlier messages).</summary>
    private static ClientOsFamily FamilyOf(StatusMessage message, Dictionary<string, Machine> machines)
    {
        var own = ClientOs.Classify(message.ClientOs);
        return own != ClientOsFamily.Unknown ? own
            : machines.TryGetValue(message.MachineName, out var machine) ? ClientOs.Classify(machine.ClientOs) : ClientOsFamily.Unknown;
    }

    private static async Task<Dictionary<string, Machine>> LoadMachinesAsync(AdvertStatusDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var machines = new Dictionary<string, Machine>();
        foreach (var chunk in names.Distinct().Chunk(InList.ChunkSize))
        {
            foreach (var machine in await db.Machines.AsNoTracking().Where(m => chunk.Contains(m.MachineName)).ToListAsync(cancellationToken))
            {
                machines[machine.MachineName] = machine;
            }
        }

        return machines;
    }

    private static async Task<Dictionary<string, Advertisement>> LoadAdvertisementsAsync(AdvertStatusDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var adverts = new Dictionary<string, Advertisement>();
        foreach (var chunk in ids.Distinct().Chunk(InList.ChunkSize))
        {
            foreach (var advert in await db.Advertisements.AsNoTracking().Where(a => chunk.Contains(a.AdvertisementId)).ToListAsync(cancellationToken))
            {
                adverts[advert.AdvertisementId] = advert;
            }
        }

        return adverts;
    }
}
