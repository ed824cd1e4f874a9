using System.Globalization;

namespace AdvertStatus.Simulator;

/// <summary>
/// Builds a seeded, realistic SMS 2.0 hierarchy and the data its agents report, and records what the
/// service must conclude from it. The same seed and size give the same fleet, byte for byte.
/// </summary>
/// <remarks>
/// The hierarchy: central site CEN with primaries LAB and NYC and the secondary SFO below NYC; domains
/// CORP (Windows 2000 native, three DCs, lockout after 5), SALES (mixed mode, no lockout policy, so only
/// bad-password events) and LEGACY (NT 4.0, PDC + BDC, lockout after 3). Each site advertises Office
/// with the domain Software Installation account, Visio with a local one, and an antivirus update
/// without one. Every workstation gets one story:
/// <list type="bullet">
/// <item><b>Q307434 victim</b>: NT-family, vulnerable build, fails Office with 10003/1317 and a DC logs the
/// token account's lockout (or bad password) from it within minutes: Error1317 + Q307434.</item>
/// <item><b>late lockout</b>: the same failure, but the lockout comes two hours later: Error1317 only.</item>
/// <item><b>silent 1317</b>: fails with 1317, nothing on the DCs: Error1317 only.</item>
/// <item><b>Windows 98</b>: 1317 because Win9x cannot use an NT installation account (Q264714), sometimes
/// with a DC event naming it: Error1317 + Q264714, never Q307434.</item>
/// <item><b>error 2</b>: 10003 with Win32 error 2 (file not found): no finding.</item>
/// <item><b>healthy</b>: 10002 → 10005 → 10008 (or 10009, or a program error 10006/10007): no finding; on a
/// fixed build with the local-account advertisement: LocalInstallAccountAfterFix.</item>
/// </list>
/// Builds run from RTM to SP3, the 3187 hotfix and a later post-SP3 build (fixed), plain SP4 (not
/// fixed, the trap), and one machine in ten sends no inventory (unknown). Unrelated lockouts of other
/// accounts are sprinkled over the DCs. Messages come as real agents send them: insertion strings,
/// attributes (401 = advertisement), the text only, and the error as decimal, 0x-hex or HRESULT.
/// </remarks>
public static class FleetGenerator
{
    public const string TokenAccount = "SMSCliToknAcct&";

    private static readonly (string Code, string? Parent)[] Sites = [("CEN", null), ("LAB", "CEN"), ("NYC", "CEN"), ("SFO", "NYC")];

    private static readonly SimDomain[] Domains =
    [
        new("CORP", "Native", ["DC01.corp.local", "DC02.corp.local", "DC03.corp.local"], LockoutThreshold: 5),
        new("SALES", "Mixed", ["SDC01.sales.local", "SDC02.sales.local"], LockoutThreshold: 0),
        new("LEGACY", "NT4", ["PDC01", "BDC01"], LockoutThreshold: 3),
    ];

    /// <summary>Smsapm32.exe builds, with whether each carries the Q307434 fix.</summary>
    private static readonly (string Version, bool Fixed, int Weight)[] Builds =
    [
        ("2.00.1239.0000", false, 2),   // RTM
        ("2.00.1380.1000", false, 3),   // SP1
        ("2.00.1493.2011", false, 5),   // SP2
        ("2.00.1493.3002", false, 25),  // SP3
        ("2.00.1493.3187", true, 25),   // the Q307434 hotfix
        ("2.0.1493.3242", true, 10),    // a later post-SP3 hotfix, fixed too
        ("2.00.1493.4012", false, 30),  // plain SP4: numerically higher, not fixed
    ];

    public static Fleet Generate(int seed, int machines, DateTime start)
    {
        var random = new Random(seed);
        var posts = new List<SimPost>();
        var truth = new HashSet<string>(StringComparer.Ordinal);
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        var stories = new Dictionary<string, int>(StringComparer.Ordinal);
        var lockouts = Domains.ToDictionary(d => d.Name, _ => new List<DateTime>());
        var dcRecords = new Dictionary<string, long>(StringComparer.Ordinal);
        long messageRecord = 0;

        foreach (var domain in Domains)
        {
            posts.Add(new SimPost(Routes.Domains, new
            {
                name = domain.Name,
                mode = domain.Mode,
                domainControllers = domain.Controllers,
                lockoutThreshold = domain.LockoutThreshold,
                lockoutObservationMinutes = domain.LockoutThreshold > 0 ? 30 : 0,
                lockoutDurationMinutes = domain.LockoutThreshold > 0 ? 30 : 0,
            }));
        }

        foreach (var (site, _) in Sites)
        {
            posts.Add(new SimPost(Routes.Advertisements, Advert(site, Office, domainAccount: true)));
            posts.Add(new SimPost(Routes.Advertisements, Advert(site, Visio, domainAccount: false)));
            posts.Add(new SimPost(Routes.Advertisements, Advert(site, Antivirus, domainAccount: null)));
            posts.Add(new SimPost(Routes.Inventory, Inventory($"{site}SMS01", site, "CORP", "Windows 2000 Server", "2.00.1493.3187", start.AddDays(-1), role: "SiteServer")));
        }

        for (var i = 0; i < machines; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"WKS{i + 1:00000}");
            var site = Sites[random.Next(Sites.Length)].Code;
            var domain = Pick(random, (Domains[0], 60), (Domains[1], 25), (Domains[2], 15));
            var os = Pick(random, ("Windows 2000 Professional", 60), ("Windows NT 4.0 Workstation", 20), ("Windows 98", 20));
            var win9x = os == "Windows 98";
            var build = Pick(random, [.. Builds.Select(b => (b, b.Weight))]);
            var hasInventory = random.Next(10) != 0;
            var verdict = !hasInventory ? "Unknown" : build.Fixed ? "Fixed" : "Vulnerable";
            verdicts[name] = verdict;
            if (hasInventory)
            {
                posts.Add(new SimPost(Routes.Inventory, Inventory(name, site, domain.Name, os, build.Version, start.AddHours(-random.Next(2, 48)))));
            }

            // When this machine's programs run: spread over the simulated day, in storms of an hour.
            var slot = start.AddHours(random.Next(0, 18)).AddMinutes(random.Next(0, 50));
            var story = win9x ? "windows98"
                : verdict == "Vulnerable" ? Pick(random, ("q307434", 45), ("late-lockout", 10), ("silent-1317", 10), ("error-2", 5), ("healthy", 30))
                : Pick(random, ("error-2", 5), ("healthy", 95));
            stories[story] = stories.GetValueOrDefault(story) + 1;

            void Status(string advert, int messageId, DateTime time, long? win32 = null, bool textOnly = false)
            {
                var advertisement = AdvertOf(site, advert);
                posts.Add(new SimPost(Routes.StatusMessages, StatusMessage(random, ++messageRecord, name, site, domain.Name, os, advertisement, messageId, time, win32, textOnly)));
            }

            void DcEvent(DateTime time, string account = TokenAccount, bool lockout = true)
            {
                var dc = domain.Controllers[random.Next(domain.Controllers.Count)];
                var record = dcRecords[dc] = dcRecords.GetValueOrDefault(dc, 1000) + 1;
                var isLockout = lockout && domain.LockoutThreshold > 0;
                posts.Add(new SimPost(Routes.SecurityEvents, isLockout
                    ? new { eventId = 644, timeCreated = time, computer = dc, eventRecordId = record, targetUserName = account, callerComputerName = name, targetDomainName = domain.Name, subjectUserName = dc.Split('.')[0] + "$", subjectDomainName = domain.Name }
                    : (object)new { eventId = 529, timeCreated = time, computer = dc, eventRecordId = record, targetUserName = account, targetDomainName = domain.Name, workstation = name, logonType = 3, status = "0xc000006d" }));
                if (isLockout && account == TokenAccount)
                {
                    lockouts[domain.Name].Add(time);
                }
            }

            // The antivirus update (no installation account) reaches everyone and mostly succeeds.
            Status(Antivirus, 10002, slot.AddMinutes(-30));
            Status(Antivirus, 10005, slot.AddMinutes(-29));
            Status(Antivirus, random.Next(15) switch { 0 => 10007, 1 => 10006, _ => 10008 }, slot.AddMinutes(-25));

            var office = OfficeId(site);
            switch (story)
            {
                case "q307434" or "late-lockout" or "silent-1317":
                    Status(Office, 10002, slot);
                    Status(Office, 10003, slot.AddMinutes(2), Win32NoSuchUser, textOnly: random.Next(4) == 0);
                    if (story == "q307434")
                    {
                        DcEvent(slot.AddMinutes(2).AddSeconds(random.Next(5, 300)));
                        truth.Add(GroundTruth.MachineFinding("Q307434", name, null));
                    }
                    else if (story == "late-lockout")
                    {
                        DcEvent(slot.AddHours(2).AddMinutes(random.Next(0, 30)));
                    }

                    truth.Add(GroundTruth.MachineFinding("Error1317", name, office));
                    break;
                case "windows98":
                    Status(Office, 10002, slot);
                    Status(Office, 10003, slot.AddMinutes(1), Win32NoSuchUser, textOnly: random.Next(4) == 0);
                    if (random.Next(3) == 0)
                    {
                        DcEvent(slot.AddMinutes(1).AddSeconds(random.Next(5, 120)), lockout: false);   // names the Win98 machine: still not Q307434
                    }

                    truth.Add(GroundTruth.MachineFinding("Error1317", name, office));
                    truth.Add(GroundTruth.MachineFinding("Q264714", name, office));
                    break;
                case "error-2":
                    Status(Office, 10002, slot);
                    Status(Office, 10003, slot.AddMinutes(1), 2);
                    break;
                default:
                    Status(Office, 10002, slot);
                    Status(Office, 10005, slot.AddMinutes(1));
                    Status(Office, random.Next(5) == 0 ? 10009 : 10008, slot.AddMinutes(12));
                    break;
            }

            // Visio with a local installation account, on a third of the NT-family machines.
            if (!win9x && random.Next(3) == 0)
            {
                Status(Visio, 10002, slot.AddMinutes(40));
                Status(Visio, 10005, slot.AddMinutes(41));
                Status(Visio, 10008, slot.AddMinutes(50));
                if (verdict == "Fixed")
                {
                    truth.Add(GroundTruth.MachineFinding("LocalInstallAccountAfterFix", name, AdvertOf(site, Visio).Id));
                }
            }

            // Someone's own password trouble on the same DCs: tallied as lockouts, never a finding.
            if (random.Next(25) == 0)
            {
                DcEvent(slot.AddMinutes(random.Next(-60, 60)), account: "jdoe");
            }
        }

        foreach (var (domain, times) in lockouts)
        {
            if (HasStorm(times, threshold: 3, window: TimeSpan.FromMinutes(60)))
            {
                truth.Add(GroundTruth.DomainFinding("RepeatedLockout", domain));
            }
        }

        return new Fleet(posts, new GroundTruth([.. truth.Order(StringComparer.Ordinal)], verdicts, stories, machines, seed));
    }

    private const long Win32NoSuchUser = 1317;
    private const string Office = "Office";
    private const string Visio = "Visio";
    private const string Antivirus = "Antivirus";

    private static string OfficeId(string site) => AdvertOf(site, Office).Id;

    private static (string Id, string PackageId, string Package, string Program) AdvertOf(string site, string kind) => kind switch
    {
        Office => ($"{site}20001", $"{site}00001", "Office 2000", "Setup"),
        Visio => ($"{site}20002", $"{site}00002", "Visio 2000", "Install"),
        _ => ($"{site}20003", $"{site}00003", "Antivirus signatures", "Update"),
    };

    private static object Advert(string site, string kind, bool? domainAccount)
    {
        var (id, package, name, program) = AdvertOf(site, kind);
        return new
        {
            advertisementId = id,
            siteCode = site,
            packageId = package,
            packageName = name,
            programName = program,
            collectionId = $"{site}00010",
            usesSoftwareInstallationAccount = domainAccount is not null,
            softwareInstallationAccount = domainAccount switch { true => @"CORP\SOFTDIST", false => "SOFTDIST", null => null },
        };
    }

    private static object Inventory(string machine, string site, string domain, string os, string version, DateTime time, string role = "Client") => new
    {
        machineName = machine,
        siteCode = site,
        domain,
        clientOs = os,
        platform = "i386",
        role,
        time,
        files = new[] { new { name = "Smsapm32.exe", version, path = os.Contains("98", StringComparison.Ordinal) ? @"C:\WINDOWS\MS\SMS\CORE\BIN" : @"C:\WINNT\MS\SMS\CORE\BIN" } },
        components = new[] { new { name = "Smsapm32", version } },
    };

    /// <summary>A status message in one of the forms agents send: insertion strings, attributes, or the text alone.</summary>
    private static Dictionary<string, object?> StatusMessage(
        Random random, long record, string machine, string site, string domain, string os,
        (string Id, string PackageId, string Package, string Program) advert, int messageId, DateTime time, long? win32, bool textOnly)
    {
        var failed = messageId is 10003 or 10006 or 10007;
        var message = new Dictionary<string, object?>
        {
            ["recordId"] = record.ToString(CultureInfo.InvariantCulture),
            ["machineName"] = machine,
            ["siteCode"] = site,
            ["time"] = time,
            ["messageId"] = messageId,
            ["severity"] = failed ? Pick(random, ("Error", 2), ("3221225472", 1), ("-1073741824", 1)) : "Informational",
            ["component"] = "Advertised Programs Manager",
            ["clientOs"] = os,
            ["domain"] = domain,
        };
        if (textOnly && win32 == Win32NoSuchUser)
        {
            message["text"] = $"An error occurred while preparing to run the program for advertisement \"{advert.Id}\" (\"{advert.Package}\" - \"{advert.Program}\"). The operating system reported error 1317. The specified user does not exist.";
            return message;
        }

        if (win32 is { } code)
        {
            message["win32Error"] = random.Next(4) switch
            {
                0 => code,                                                                              // decimal
                1 => $"0x{code:X}",                                                                     // hex
                2 => $"0x{0x80070000 | code:X8}",                                                       // HRESULT
                _ => (0x80070000 | code).ToString(CultureInfo.InvariantCulture),                        // HRESULT, decimal
            };
        }

        if (random.Next(2) == 0)
        {
            message["insertionStrings"] = new[] { advert.Id, site, "", advert.Package, advert.Program };
        }
        else
        {
            message["attributes"] = new[] { new { id = 401, value = advert.Id }, new { id = 400, value = advert.PackageId } };
        }

        return message;
    }

    /// <summary>At least <paramref name="threshold"/> lockouts within some span of <paramref name="window"/>.</summary>
    private static bool HasStorm(List<DateTime> times, int threshold, TimeSpan window)
    {
        var ordered = times.Order().ToList();
        for (var end = threshold - 1; end < ordered.Count; end++)
        {
            if (ordered[end] - ordered[end - threshold + 1] <= window)
            {
                return true;
            }
        }

        return false;
    }

    private static T Pick<T>(Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private sealed record SimDomain(string Name, string Mode, IReadOnlyList<string> Controllers, int LockoutThreshold);
}
