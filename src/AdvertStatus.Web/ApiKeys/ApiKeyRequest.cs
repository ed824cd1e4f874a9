using AdvertStatus.Core.Machines;
using AdvertStatus.Web.Security;

namespace AdvertStatus.Web.ApiKeys;

/// <summary><c>POST /api/v1/admin/api-keys</c>: <c>{ "name", "scopes": [...], "sites": [...] | null }</c>.</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyList<string?>? Scopes, IReadOnlyList<string?>? Sites)
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Every problem with the request by field. A well-formed site code is accepted before the site has sent
    /// anything: in a roll-out the key comes first, then the agent.
    /// </summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required: say which agent or person the key is for."];
        }
        else if (Name.Trim().Length > MaxNameLength || Name.Any(char.IsControl))
        {
            errors["name"] = [$"name must be at most {MaxNameLength} characters without control characters."];
        }

        if (Scopes is null || Scopes.Count == 0)
        {
            errors["scopes"] = [$"scopes must list one or more of: {string.Join(", ", ApiKeyScopes.All)}."];
        }
        else
        {
            for (var i = 0; i < Scopes.Count; i++)
            {
                if (!ApiKeyScopes.IsKnown(Scopes[i]))
                {
                    errors[$"scopes[{i}]"] = [$"'{Scopes[i]}' is not a scope; use {string.Join(", ", ApiKeyScopes.All)}."];
                }
            }
        }

        for (var i = 0; i < (Sites?.Count ?? 0); i++)
        {
            var site = Sites![i];
            if (site is null || !SiteCodes.IsValid(SiteCodes.Normalize(site)))
            {
                errors[$"sites[{i}]"] = [$"'{site}' is not a site code (three letters or digits)."];
            }
        }

        return errors;
    }

    public IReadOnlyList<string> NormalizedSites() =>
        [.. (Sites ?? []).OfType<string>().Select(SiteCodes.Normalize).Distinct().Order(StringComparer.Ordinal)];
}
