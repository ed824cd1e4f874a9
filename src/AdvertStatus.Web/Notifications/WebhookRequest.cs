using AdvertStatus.Core.Machines;
using AdvertStatus.Core.Rules;

namespace AdvertStatus.Web.Notifications;

/// <summary><c>POST /api/v1/admin/webhooks</c>: <c>{ "name", "url", "format", "secret"?, "rules"?, "sites"? }</c>.</summary>
public sealed record WebhookRequest(string? Name, string? Url, string? Format, string? Secret, IReadOnlyList<string?>? Rules, IReadOnlyList<string?>? Sites)
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxSecretLength = 200;

    /// <summary>Every problem with the request by field; <paramref name="knownSites"/> are the sites that have sent data.</summary>
    public Dictionary<string, string[]> Validate(IReadOnlySet<string> knownSites)
    {
        ArgumentNullException.ThrowIfNull(knownSites);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required: say where the events go (\"#sms-alerts\")."];
        }
        else if (Name.Trim().Length > MaxNameLength || Name.Any(char.IsControl))
        {
            errors["name"] = [$"name must be at most {MaxNameLength} characters without control characters."];
        }

        if (string.IsNullOrWhiteSpace(Url))
        {
            errors["url"] = ["url is required: the receiver's http or https address."];
        }
        else if (!Uri.TryCreate(Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                 || string.IsNullOrEmpty(uri.Host) || Url.Trim().Length > MaxUrlLength || Url.Any(char.IsWhiteSpace))
        {
            errors["url"] = [$"url must be an absolute http or https address of at most {MaxUrlLength} characters."];
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors["url"] = ["url must not carry a user name or password; use secret to sign the events instead."];
        }

        if (Format is null || !WebhookFormats.All.Contains(Format.Trim().ToLowerInvariant()))
        {
            errors["format"] = [$"format must be one of: {string.Join(", ", WebhookFormats.All)}."];
        }

        if (Secret is not null && (Secret.Length is < 16 or > MaxSecretLength || Secret.Any(char.IsControl)))
        {
            errors["secret"] = [$"secret, when given, must be 16 to {MaxSecretLength} characters without control characters."];
        }

        for (var i = 0; i < (Rules?.Count ?? 0); i++)
        {
            if (RuleNames.Find(Rules![i]) is null)
            {
                errors[$"rules[{i}]"] = [$"'{Rules[i]}' is not a rule; use {string.Join(", ", RuleNames.All)}."];
            }
        }

        for (var i = 0; i < (Sites?.Count ?? 0); i++)
        {
            var site = Sites![i];
            if (site is null || !SiteCodes.IsValid(SiteCodes.Normalize(site)))
            {
                errors[$"sites[{i}]"] = [$"'{site}' is not a site code (three letters or digits)."];
            }
            else if (!knownSites.Contains(SiteCodes.Normalize(site)))
            {
                errors[$"sites[{i}]"] = [$"No data has come from site '{SiteCodes.Normalize(site)}'; known sites: {(knownSites.Count == 0 ? "none yet" : string.Join(", ", knownSites.Order(StringComparer.Ordinal)))}."];
            }
        }

        return errors;
    }

    public IReadOnlyList<string> NormalizedRules() => [.. (Rules ?? []).Select(RuleNames.Find).OfType<string>().Distinct()];

    public IReadOnlyList<string> NormalizedSites() =>
        [.. (Sites ?? []).OfType<string>().Select(SiteCodes.Normalize).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>A webhook as the API lists it: never its secret, only whether it has one.</summary>
public sealed record WebhookItem(
    int Id,
    string Name,
    string Url,
    string Format,
    bool HasSecret,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Sites,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? LastSuccessAt,
    string? LastError,
    DateTime? LastErrorAt,
    DateTime? NextAttemptAt,
    int Backlog);
