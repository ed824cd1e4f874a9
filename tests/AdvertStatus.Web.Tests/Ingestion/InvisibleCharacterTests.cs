using System.Net;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// Names a person reads in the dashboard (machines, sites, domains, accounts, DCs) refuse invisible and bidirectional
/// control characters, so <c>WKS\u202eLIVE</c> or <c>WKS\u200b01</c> cannot pose as another machine. Each field is
/// refused with a 400 naming it, and nothing of the batch is stored.
/// </summary>
public sealed class InvisibleCharacterTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private const string RightToLeftOverride = "\u202e";
    private const string ZeroWidthSpace = "\u200b";

    public static TheoryData<string, string, string> Fields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var character in new[] { RightToLeftOverride, ZeroWidthSpace, "\u2066", "\ufeff" })
        {
            data.Add("/api/v1/status-messages", "machineName", character);
            data.Add("/api/v1/status-messages", "siteCode", character);
            data.Add("/api/v1/status-messages", "domain", character);
            data.Add("/api/v1/inventory", "machineName", character);
            data.Add("/api/v1/inventory", "siteCode", character);
            data.Add("/api/v1/inventory", "domain", character);
            data.Add("/api/v1/security-events", "computer", character);
            data.Add("/api/v1/security-events", "targetUserName", character);
            data.Add("/api/v1/security-events", "targetDomainName", character);
            data.Add("/api/v1/security-events", "subjectUserName", character);
            data.Add("/api/v1/security-events", "subjectDomainName", character);
            data.Add("/api/v1/domains", "name", character);
            data.Add("/api/v1/domains", "domainControllers", character);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Refuses_a_name_with_an_invisible_or_bidi_character_naming_the_field(string route, string field, string character)
    {
        var machine = Unique.Machine();
        var item = Valid(route, machine);
        item[field] = item[field] switch
        {
            string[] list => new[] { list[0][..2] + character + list[0][2..] },
            string text => text[..2] + character + text[2..],
            _ => throw new InvalidOperationException(field),
        };

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(route, new[] { item }), HttpStatusCode.BadRequest);

        Assert.Contains($"[0].{field}", problem.Errors.Keys);
        Assert.False(await app.QueryAsync(db => db.Machines.AnyAsync(m => m.MachineName == machine)));
    }

    [Theory]
    [InlineData("/api/v1/status-messages")]
    [InlineData("/api/v1/inventory")]
    [InlineData("/api/v1/security-events")]
    [InlineData("/api/v1/domains")]
    public async Task Accepts_the_same_item_without_the_character(string route)
    {
        var response = await app.PostJsonAsync(route, new[] { Valid(route, Unique.Machine()) });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Dictionary<string, object?> Valid(string route, string machine) => route switch
    {
        "/api/v1/status-messages" => Samples.StatusMessage(machine, "1"),
        "/api/v1/inventory" => new()
        {
            ["machineName"] = machine, ["siteCode"] = "LAB", ["domain"] = "CORP", ["clientOs"] = "Windows 2000 Professional",
            ["time"] = "2026-11-24T08:00:00Z",
        },
        "/api/v1/security-events" => Samples.Lockout4740("DC01", Random.Shared.NextInt64(1, long.MaxValue), machine),
        "/api/v1/domains" => new() { ["name"] = "CORP" + machine[^4..], ["mode"] = "Native", ["domainControllers"] = new[] { "DC01" } },
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };
}
