using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvertStatus.Web.Findings;

namespace AdvertStatus.Web.Notifications;

/// <summary>The bodies of the three formats, and the signature over the exact bytes sent.</summary>
public static class WebhookBodies
{
    public const string SignatureHeader = "X-AdvertStatus-Signature";
    public const string DeliveryHeader = "X-AdvertStatus-Delivery";

    /// <summary>The UTF-8 body of <paramref name="e"/> in <paramref name="format"/>; <paramref name="json"/> are the API's serializer options.</summary>
    public static byte[] Write(string format, WebhookEvent e, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(e);
        JsonNode body = format switch
        {
            WebhookFormats.Slack => new JsonObject { ["text"] = SlackText(e) },
            WebhookFormats.Teams => TeamsCard(e),
            _ => new JsonObject
            {
                ["event"] = e.Event,
                ["finding"] = JsonSerializer.SerializeToNode(e.Finding, json),
                ["url"] = e.Url,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, json);
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/> keyed with the UTF-8 secret.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>One line for chat: what happened, to what, where, and the link (Slack and Mattermost link syntax).</summary>
    internal static string SlackText(WebhookEvent e) => e.Finding is null
        ? $"AdvertStatus test event: this webhook works. <{e.Url}|Open AdvertStatus>"
        : $"{Headline(e)}: {e.Finding.Summary} <{e.Url}|Open in AdvertStatus>";

    private static string Headline(WebhookEvent e)
    {
        var f = e.Finding!;
        var what = f.MachineName is { } machine ? $"{machine}{(f.SiteCode is { } site ? $" (site {site})" : "")}" : $"{f.Domain}\\{f.Account}";
        return $"{f.Rule} {(e.Event == WebhookEvent.Reopened ? "re-opened" : "opened")} on {what}";
    }

    /// <summary>A Teams message carrying one Adaptive Card (what Teams incoming webhooks and Workflows accept).</summary>
    private static JsonObject TeamsCard(WebhookEvent e)
    {
        var facts = new JsonArray();
        void Fact(string title, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
            }
        }

        if (e.Finding is { } f)
        {
            Fact("Rule", f.Rule);
            Fact("Machine", f.MachineName);
            Fact("Site", f.SiteCode);
            Fact("Account", f.Account is null ? null : $"{f.Domain}\\{f.Account}");
            Fact("Count", f.Count.ToString(CultureInfo.InvariantCulture));
            Fact("Last seen (UTC)", f.LastSeen.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true,
                    ["text"] = e.Finding is null ? "AdvertStatus test event" : Headline(e),
                },
                new JsonObject
                {
                    ["type"] = "TextBlock", ["wrap"] = true,
                    ["text"] = e.Finding?.Summary ?? "This webhook works.",
                },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in AdvertStatus", ["url"] = e.Url },
            },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    /// <summary>The finding's page on the dashboard: its workstation, or the lockouts list for a domain account.</summary>
    public static string LinkTo(string baseUrl, FindingItem? finding) => baseUrl.TrimEnd('/') + (finding switch
    {
        null => "/",
        { MachineName: { } machine } => "/workstations/" + Uri.EscapeDataString(machine),
        _ => "/lockouts",
    });
}
