using AdvertStatus.Web.Api;
using CsvHelper;

namespace AdvertStatus.Web.Reports;

/// <summary>
/// One list's CSV report, as <c>GET /api/v1/reports/{name}.csv</c> serves it. Each feature that has a list owns its
/// report (its filter, rows and columns) and registers it with <see cref="ReportsServiceExtensions.AddCsvReport{TReport}"/>;
/// the route, the dashboard's download and the scheduled e-mails find it by <see cref="Name"/>.
/// </summary>
public interface ICsvReport
{
    /// <summary>The report's name in its route and file name, such as <c>affected-workstations</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The export a query string asks for: the list's filters by the names its API route uses, limited to
    /// <paramref name="sites"/> (null: every site). Problems are collected in <paramref name="query"/>; when it has
    /// any, nothing may be written.
    /// </summary>
    CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites);
}

/// <summary>A report ready to write: its name (for the file name) and how its rows are written to a stream.</summary>
public sealed record CsvExport(string Name, Func<Stream, CancellationToken, Task> WriteAsync)
{
    /// <summary><c>advertstatus-affected-workstations-20261124.csv</c>: the report and the day it was taken.</summary>
    public string FileName(DateTime now) => $"advertstatus-{Name}-{now:yyyyMMdd}.csv";
}

/// <summary>
/// How every report writes: RFC 4180, UTF-8, a header row, and cells a spreadsheet would run as a formula
/// escaped. Rows stream from the database to the output as they are read, so memory stays flat however many
/// rows there are.
/// </summary>
public static class CsvReport
{
    /// <summary>ISO 8601 UTC, which every spreadsheet and script reads the same way (the rows' time columns).</summary>
    public const string Time = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>Rows per keyset chunk of a streamed report: memory holds one chunk, and each chunk costs a few queries, not one per row.</summary>
    public const int ChunkSize = 500;

    /// <summary>The options of every report (internal for the CSV micro-benchmark).</summary>
    internal static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,   // = + - @ tab CR at the start of a text cell get a leading '
        NewLine = "\r\n",
    };

    /// <summary>A writer on <paramref name="output"/>, which it leaves open; flush it when the rows are written.</summary>
    public static CsvWriter Open(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);
}
