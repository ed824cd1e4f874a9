using AdvertStatus.Web.Api;
using AdvertStatus.Web.Reports;
using Cronos;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace AdvertStatus.Web.Notifications;

/// <summary>
/// <c>POST /api/v1/admin/report-schedules</c>: <c>{ "name", "report", "query", "cron", "recipients": [...] }</c>.
/// </summary>
public sealed record ReportScheduleRequest(string? Name, string? Report, string? Query, string? Cron, IReadOnlyList<string?>? Recipients)
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;
    public const int MaxRecipients = 50;

    /// <summary>Every problem with the request by field, the query checked by the report itself as its CSV route would.</summary>
    public Dictionary<string, string[]> Validate(IEnumerable<ICsvReport> reports)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required: say what the e-mail is for (\"Weekly Q307434 list\")."];
        }
        else if (Name.Trim().Length > MaxNameLength || Name.Any(char.IsControl))
        {
            errors["name"] = [$"name must be at most {MaxNameLength} characters without control characters."];
        }

        var all = reports.ToList();
        if (Find(all, Report) is not { } report)
        {
            errors["report"] = [$"report must be one of: {string.Join(", ", all.Select(r => r.Name))}."];
        }
        else if (Query?.Length > MaxQueryLength || Query?.Any(char.IsControl) == true)
        {
            errors["query"] = [$"query must be at most {MaxQueryLength} characters without control characters."];
        }
        else
        {
            var parameters = new QueryParameters();
            report.Prepare(parameters, ParseQuery(Query), sites: null);
            foreach (var (parameter, messages) in parameters.Errors)
            {
                errors[$"query.{parameter}"] = messages;
            }
        }

        if (string.IsNullOrWhiteSpace(Cron) || !TryParseCron(Cron, out _))
        {
            errors["cron"] = ["cron must have five fields (minute hour day-of-month month day-of-week), in UTC, such as \"0 7 * * 1\" for Mondays at 07:00."];
        }

        if (Recipients is null || Recipients.Count == 0)
        {
            errors["recipients"] = ["recipients must list one or more e-mail addresses."];
        }
        else if (Recipients.Count > MaxRecipients)
        {
            errors["recipients"] = [$"recipients may list at most {MaxRecipients} addresses."];
        }
        else
        {
            for (var i = 0; i < Recipients.Count; i++)
            {
                if (!IsAddress(Recipients[i]))
                {
                    errors[$"recipients[{i}]"] = [$"'{Recipients[i]}' is not an e-mail address (name@domain)."];
                }
            }
        }

        return errors;
    }

    public static ICsvReport? Find(IEnumerable<ICsvReport> reports, string? name) =>
        reports.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The query string as the CSV route would receive it; a leading '?' is allowed.</summary>
    public static QueryCollection ParseQuery(string? query) => new(QueryHelpers.ParseQuery(query?.Trim() ?? ""));

    public static bool TryParseCron(string? cron, out CronExpression expression) =>
        CronExpression.TryParse(cron?.Trim() ?? "", CronFormat.Standard, out expression!);

    /// <summary>A cron expression that <see cref="Validate"/> accepted.</summary>
    public static CronExpression ParseCron(string cron) => CronExpression.Parse(cron.Trim(), CronFormat.Standard);

    /// <summary>One mailbox with a local part and a dotted domain, no display name and no group.</summary>
    private static bool IsAddress(string? address) =>
        address is not null && address.Length <= 254 && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address == address
        && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && address[(at + 1)..].Contains('.', StringComparison.Ordinal);

    public string NormalizedQuery() => (Query?.Trim() ?? "").TrimStart('?');

    public IReadOnlyList<string> NormalizedRecipients() => [.. Recipients!.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>A schedule as the API lists it.</summary>
public sealed record ReportScheduleItem(
    int Id,
    string Name,
    string Report,
    string Query,
    string Cron,
    IReadOnlyList<string> Recipients,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime NextDueAt,
    DateTime? LastSentAt,
    int? LastRowCount,
    string? LastError,
    DateTime? LastErrorAt)
{
    public static ReportScheduleItem From(ReportSchedule s) => new(
        s.Id, s.Name, s.Report, s.Query, s.Cron, [.. s.Recipients], s.CreatedAt, s.CreatedBy, s.NextDueAt, s.LastSentAt, s.LastRowCount, s.LastError, s.LastErrorAt);
}
