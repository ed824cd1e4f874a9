using System.Globalization;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Api;

/// <summary>
/// Reads list query parameters and collects every problem with them, so a client gets one 400 that
/// names each bad parameter rather than a guess at defaults.
/// </summary>
public sealed class QueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// The times a list may be asked about. Wider than any data (SMS 2.0 shipped in 1999), narrow enough that a
    /// range's arithmetic (a day added, an hour rounded) never leaves <see cref="DateTime"/>'s years 1 to 9999.
    /// </summary>
    public static readonly DateTime EarliestTime = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestTime = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, string[]> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The problems so far, by parameter name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors, title: "One or more query parameters are invalid.");

    public int Limit(string? value)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        _errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    public string[]? Cursor(string? value, int parts)
    {
        if (value is null)
        {
            return null;
        }

        if (Api.Cursor.TryDecode(value, parts, out var keyParts))
        {
            return keyParts;
        }

        _errors["cursor"] = ["cursor is not a value this list returned as nextCursor."];
        return null;
    }

    /// <summary>A cursor over a numeric id (the findings list).</summary>
    public long? IdCursor(string? value)
    {
        if (Cursor(value, 1) is not [var id])
        {
            return null;
        }

        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        _errors["cursor"] = ["cursor is not a value this list returned as nextCursor."];
        return null;
    }

    public bool Flag(string name, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        _errors[name] = [$"{name} must be true or false."];
        return false;
    }

    public TEnum? Enum<TEnum>(string name, string? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        _errors[name] = [$"{name} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    public Verdict? Verdict(string? value) => Enum<Verdict>("verdict", value);

    public FindingState? State(string? value) => Enum<FindingState>("state", value);

    public string? Rule(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (RuleNames.Find(value) is { } rule)
        {
            return rule;
        }

        _errors["rule"] = [$"rule must be one of {string.Join(", ", RuleNames.All)}."];
        return null;
    }

    /// <summary>An ISO 8601 time (UTC unless it says otherwise), or null when absent.</summary>
    public DateTime? Time(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.UtcDateTime >= EarliestTime && time.UtcDateTime <= LatestTime)
        {
            return time.UtcDateTime;
        }

        _errors[name] = [$"{name} must be an ISO 8601 time from {EarliestTime:yyyy-MM-dd} to {LatestTime:yyyy-MM-dd}, such as 2026-11-24T00:00:00Z."];
        return null;
    }

    /// <summary>Adds a problem found by the caller (one that spans parameters, such as a reversed range).</summary>
    public void Fail(string name, string message) => _errors[name] = [message];

    /// <summary>An upper-cased identifier filter (site, domain, machine), or null when absent or blank.</summary>
    public static string? Upper(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
