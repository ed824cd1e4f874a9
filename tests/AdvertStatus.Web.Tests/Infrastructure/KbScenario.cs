using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// The KB Q307434 story as agents would report it: domain CORP with three DCs, an advertisement run
/// with the domain installation account CORP\SOFTDIST and one with a local account, Windows 2000
/// clients failing with 10003/1317 and locking out SMSCliToknAcct&amp; on the DCs, a Windows 98 client
/// with the same error for another reason, and inventory that includes the plain-SP4 trap.
/// </summary>
public static class KbScenario
{
    /// <summary>One item for one route, so the scenario can be sent in batches, one by one, or in any order.</summary>
    public sealed record Post(string Route, string Body, string ContentType);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Post> Posts { get; } = Build();

    /// <summary>Sends every post in the given order, each as its own request, and fails on anything but 202.</summary>
    public static async Task SendAsync(HttpClient agent, IEnumerable<Post> posts)
    {
        foreach (var post in posts)
        {
            using var content = new StringContent(post.Body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(post.ContentType);
            var response = await agent.PostAsync(post.Route, content, TestContext.Current.CancellationToken);
            await AcceptedBatch.ReadAsync(response);
        }
    }

    /// <summary>Sends the scenario as an agent fleet would: one batch per route, in the natural order.</summary>
    public static async Task SendAsBatchesAsync(HttpClient agent)
    {
        foreach (var route in Posts.GroupBy(p => (p.Route, p.ContentType)))
        {
            var body = route.Key.ContentType == "application/xml"
                ? "<Events>" + string.Concat(route.Select(p => p.Body)) + "</Events>"
                : "[" + string.Join(",", route.Select(p => p.Body)) + "]";
            await SendAsync(agent, [new Post(route.Key.Route, body, route.Key.ContentType)]);
        }
    }

    private static List<Post> Build()
    {
        var posts = new List<Post>();
        void Add(string route, object body) => posts.Add(new Post(route, JsonSerializer.Serialize(body, Json), "application/json"));

        Add("/api/v1/domains", new
        {
            name = "CORP",
            mode = "Native",
            domainControllers = new[] { "DC01.corp.local", "DC02.corp.local", "DC03.corp.local" },
            lockoutThreshold = 5,
            lockoutObservationMinutes = 30,
            lockoutDurationMinutes = 30,
        });
        Add("/api/v1/advertisements", new
        {
            advertisementId = "LAB20001", siteCode = "LAB", packageId = "LAB00001", packageName = "Office 2000", programName = "Setup",
            collectionId = "LAB00010", usesSoftwareInstallationAccount = true, softwareInstallationAccount = @"CORP\SOFTDIST",
        });
        Add("/api/v1/advertisements", new
        {
            advertisementId = "LAB20002", siteCode = "LAB", packageId = "LAB00002", packageName = "Visio", programName = "Install",
            collectionId = "LAB00010", usesSoftwareInstallationAccount = true, softwareInstallationAccount = "SOFTDIST",
        });

        void Inventory(string machine, string version, string platform = "i386", string role = "Client", string os = "Windows 2000 Professional") =>
            Add("/api/v1/inventory", new
            {
                machineName = machine, siteCode = "LAB", domain = "CORP", clientOs = os, platform, role, time = "2026-11-23T08:00:00Z",
                files = new[] { new { name = "Smsapm32.exe", version, path = @"C:\WINNT\MS\SMS\CORE\BIN" } },
                components = new[] { new { name = "Smsapm32", version } },
            });
        Inventory("WKS01", "2.00.1493.3002");               // SP3: vulnerable
        Inventory("WKS02", "2.00.1493.4012");               // plain SP4: vulnerable although numerically higher
        Inventory("WKS03", "2.00.1493.3187");               // the Q307434 build
        Inventory("WKS05", "2.0.1493.3242");                // later post-SP3 hotfix
        Inventory("WKS06", "2.00.1493.3187", "Alpha");
        Inventory("SRV01", "2.00.1493.3187", role: "SiteServer", os: "Windows 2000 Server");

        var record = 0;
        void Status(string machine, string time, int messageId, string advert = "LAB20001", object? win32Error = null, string os = "Windows 2000 Professional", bool asText = false)
        {
            var message = new Dictionary<string, object?>
            {
                ["recordId"] = $"{++record}",
                ["machineName"] = machine,
                ["siteCode"] = "LAB",
                ["time"] = time,
                ["messageId"] = messageId,
                ["clientOs"] = os,
                ["domain"] = "CORP",
                ["win32Error"] = win32Error,
            };
            if (asText)
            {
                message["text"] = $"An error occurred while preparing to run the program for advertisement \"{advert}\" (\"Office 2000\" - \"Setup\"). The operating system reported error 1317. The specified user does not exist.";
            }
            else
            {
                message["insertionStrings"] = new[] { advert, "LAB", "", advert == "LAB20001" ? "Office 2000" : "Visio", advert == "LAB20001" ? "Setup" : "Install" };
            }

            Add("/api/v1/status-messages", message);
        }

        foreach (var machine in new[] { "WKS01", "WKS02", "WKS03", "WKS05", "WKS06" })
        {
            Status(machine, "2026-11-24T09:00:00Z", 10002);
        }

        Status("WKS04", "2026-11-24T09:00:00Z", 10002, os: "Windows 98");
        Status("WKS01", "2026-11-24T09:05:00Z", 10003, asText: true);                      // error only in the text
        Status("WKS01", "2026-11-24T09:35:00Z", 10003, win32Error: "0x80070525");          // HRESULT form
        Status("WKS02", "2026-11-24T09:10:00Z", 10003, win32Error: 2147943717L);           // HRESULT in decimal
        Status("WKS03", "2026-11-24T09:15:00Z", 10003, win32Error: 1317);                  // fails, but locks nothing out
        Status("WKS04", "2026-11-24T09:20:00Z", 10003, win32Error: "0x525", os: "Windows 98"); // Q264714, not Q307434
        Status("WKS05", "2026-11-24T09:00:00Z", 10005);
        Status("WKS05", "2026-11-24T09:30:00Z", 10008);
        Status("WKS05", "2026-11-24T09:00:00Z", 10002, "LAB20002");
        Status("WKS05", "2026-11-24T09:40:00Z", 10005, "LAB20002");
        Status("WKS05", "2026-11-24T09:50:00Z", 10008, "LAB20002");
        Status("WKS05", "2026-11-24T09:51:00Z", 10009, "LAB20002");                         // double success: counts once
        Status("WKS06", "2026-11-24T09:05:00Z", 10005);
        Status("WKS06", "2026-11-24T09:25:00Z", 10006);

        Add("/api/v1/security-events", Lockout4740("DC01.corp.local", 9001, "WKS01", "2026-11-24T09:06:00Z"));
        posts.Add(new Post("/api/v1/security-events", Samples.Lockout4740Xml("DC02.corp.local", 7001, "WKS02").Replace("2026-11-24T09:31:08.576887500Z", "2026-11-24T09:12:00.000Z", StringComparison.Ordinal), "application/xml"));
        Add("/api/v1/security-events", Lockout4740("DC01.corp.local", 9002, "WKS01", "2026-11-24T09:36:00Z"));
        var jdoe = Lockout4740("DC03.corp.local", 5001, "WKS03", "2026-11-24T09:15:30Z");
        jdoe["targetUserName"] = "jdoe";                                                    // another account: tallied, no finding
        Add("/api/v1/security-events", jdoe);
        Add("/api/v1/security-events", new
        {
            eventId = 4776, timeCreated = "2026-11-24T09:21:00Z", computer = "DC03.corp.local", eventRecordId = 5002,
            targetUserName = "SMSCliToknAcct&", workstation = "WKS04", status = "0xc000006a",  // Win98 source: still not Q307434
        });
        Add("/api/v1/security-events", new { eventId = 4624, timeCreated = "2026-11-24T09:22:00Z", computer = "DC03.corp.local", eventRecordId = 5003 });
        return posts;
    }

    private static Dictionary<string, object?> Lockout4740(string dc, long recordId, string caller, string time)
    {
        var evt = Samples.Lockout4740(dc, recordId, caller);
        evt["timeCreated"] = time;
        return evt;
    }
}
