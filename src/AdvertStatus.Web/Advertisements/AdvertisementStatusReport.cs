using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Advertisements;

/// <summary><c>advertisement-status.csv</c>: every advertisement's SMS console columns, optionally for one <c>site</c>.</summary>
public sealed class AdvertisementStatusReport(IDbContextFactory<AdvertStatusDbContext> contexts) : ICsvReport
{
    public string Name => "advertisement-status";

    public CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Export(QueryParameters.Upper(values["site"]), sites);
    }

    /// <summary>The advertisements of <paramref name="site"/> (null: every site), as callers of <paramref name="sites"/> see them.</summary>
    public CsvExport Export(string? site, IReadOnlySet<string>? sites) => new(Name, async (output, cancellationToken) =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvReport.Open(output);
        await csv.WriteRecordsAsync(AdvertisementQueries.Filter(db, site, sites).Select(a => new AdvertisementStatusRow
        {
            AdvertisementId = a.AdvertisementId,
            PackageName = a.PackageName,
            ProgramName = a.ProgramName,
            Received = a.Received,
            Failures = a.Failures,
            ProgramsStarted = a.ProgramsStarted,
            ProgramErrors = a.ProgramErrors,
            ProgramSuccess = a.ProgramSuccess,
            ReceivedMessages = a.Messages.Received,
            FailureMessages = a.Messages.Failures,
            ProgramsStartedMessages = a.Messages.ProgramsStarted,
            ProgramErrorMessages = a.Messages.ProgramErrors,
            ProgramSuccessMessages = a.Messages.ProgramSuccess,
        }).AsAsyncEnumerable(), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    });
}
