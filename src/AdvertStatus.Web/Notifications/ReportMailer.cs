using System.Globalization;
using System.Net;
using System.Text;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Reports;
using CsvHelper;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;

namespace AdvertStatus.Web.Notifications;

/// <summary>
/// E-mails one report: the CSV the report's route gives for the schedule's query at this moment, attached; a subject
/// with the report and its row count; a short summary with the top rows and links to the list and the CSV.
/// </summary>
public sealed class ReportMailer(IEnumerable<ICsvReport> reports, IOptions<NotificationOptions> options, PublicLinks links, TimeProvider clock)
{
    /// <summary>Rows shown in the e-mail's body; the attachment has them all.</summary>
    public const int TopRows = 10;

    /// <summary>Columns of those rows shown in the body.</summary>
    private const int TopColumns = 6;

    /// <summary>Where each report's list is on the dashboard.</summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["affected-workstations"] = "/workstations",
        ["findings"] = "/findings",
        ["lockouts"] = "/lockouts",
        ["advertisement-status"] = "/advertisements",
        ["hotfix-coverage"] = "/coverage",
    };

    /// <summary>A connection refused or dropped, or a 4xx reply, is tried three times in about 15 s; a 5xx reply is final.</summary>
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new Polly.Retry.RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>().Handle<System.Net.Sockets.SocketException>()
                .Handle<ServiceNotConnectedException>().Handle<SmtpProtocolException>()
                .Handle<SmtpCommandException>(e => (int)e.StatusCode is >= 400 and < 500),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    /// <summary>Sends <paramref name="schedule"/>'s report now and returns its row count.</summary>
    public async Task<int> SendAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("E-mail is not configured: set Notifications:Smtp:Host (README, Notifications).");
        }

        var report = ReportScheduleRequest.Find(reports, schedule.Report)
            ?? throw new InvalidOperationException($"There is no report '{schedule.Report}' any more.");
        var parameters = new QueryParameters();
        var export = report.Prepare(parameters, ReportScheduleRequest.ParseQuery(schedule.Query), sites: null);
        if (parameters.HasErrors)
        {
            throw new InvalidOperationException($"The query is no longer valid: {string.Join("; ", parameters.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var csv = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteAsync(csv, cancellationToken);
        csv.Position = 0;
        var (header, top, count) = Summarize(csv, cancellationToken);
        csv.Position = 0;

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.AddRange(schedule.Recipients.Select(MailboxAddress.Parse));
        message.Subject = $"AdvertStatus {report.Name}: {count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? "row" : "rows")} ({schedule.Name})";
        var baseUrl = links.BaseUrl();
        var query = string.IsNullOrEmpty(schedule.Query) ? "" : "?" + schedule.Query;
        var listUrl = $"{baseUrl}{Pages.GetValueOrDefault(report.Name, "/")}{query}";
        var csvUrl = $"{baseUrl}/api/v1/reports/{report.Name}.csv{query}";
        var body = new BodyBuilder
        {
            TextBody = Text(schedule, report.Name, now, header, top, count, listUrl, csvUrl),
            HtmlBody = Html(schedule, report.Name, now, header, top, count, listUrl, csvUrl),
        };
        body.Attachments.Add(export.FileName(now), csv, new ContentType("text", "csv") { Charset = "utf-8" }, cancellationToken);
        message.Body = body.ToMessageBody();

        await Retry.ExecuteAsync(async ct =>
        {
            using var client = new SmtpClient();
            client.Timeout = 30_000;
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }, cancellationToken);
        return count;
    }

    /// <summary>The header, the first <see cref="TopRows"/> rows and the number of rows, read back as any CSV reader would.</summary>
    private static (string[] Header, List<string[]> Top, int Count) Summarize(Stream csv, CancellationToken cancellationToken)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false }, leaveOpen: true);
        string[] header = [];
        var top = new List<string[]>();
        var count = -1;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (count < 0)
            {
                header = Fields(reader);
            }
            else if (top.Count < TopRows)
            {
                top.Add(Fields(reader));
            }

            count++;
        }

        return (header, top, Math.Max(count, 0));
    }

    private static string[] Fields(CsvReader reader) => [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];

    private static string Text(ReportSchedule s, string report, DateTime now, string[] header, List<string[]> top, int count, string listUrl, string csvUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{s.Name}: {report}, {count:N0} rows as of {now:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Filter: {(string.IsNullOrEmpty(s.Query) ? "none" : s.Query)}");
        text.AppendLine();
        if (top.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The first {top.Count}:");
            text.AppendLine(string.Join(" | ", header.Take(TopColumns)));
            foreach (var row in top)
            {
                text.AppendLine(string.Join(" | ", row.Take(TopColumns)));
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"The list: {listUrl}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Every row is in the attached CSV (also at {csvUrl} with an API key).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Sent by the report schedule \"{s.Name}\" ({s.Cron}, UTC).");
        return text.ToString();
    }

    private static string Html(ReportSchedule s, string report, DateTime now, string[] header, List<string[]> top, int count, string listUrl, string csvUrl)
    {
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = new StringBuilder("<html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(s.Name)}</b>: {E(report)}, <b>{count:N0}</b> rows as of {now:yyyy-MM-dd HH:mm} UTC.<br>");
        html.Append(CultureInfo.InvariantCulture, $"Filter: {(string.IsNullOrEmpty(s.Query) ? "none" : $"<code>{E(s.Query)}</code>")}</p>");
        if (top.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>The first {top.Count}:</p><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>");
            foreach (var column in header.Take(TopColumns))
            {
                html.Append(CultureInfo.InvariantCulture, $"<th>{E(column)}</th>");
            }

            html.Append("</tr>");
            foreach (var row in top)
            {
                html.Append("<tr>");
                foreach (var cell in row.Take(TopColumns))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(listUrl)}\">Open the list in AdvertStatus</a> · every row is in the attached CSV (also <a href=\"{E(csvUrl)}\">from the API</a> with a key).</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#666\">Sent by the report schedule \"{E(s.Name)}\" ({E(s.Cron)}, UTC).</p></body></html>");
        return html.ToString();
    }
}
