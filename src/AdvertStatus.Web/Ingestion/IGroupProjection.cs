using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The part of an ingestion that runs once per group commit rather than once per request: it brings
/// machines, tallies and findings up to date with everything the group's requests stored.
/// </summary>
/// <typeparam name="TPart">What each request's own work left for the projection, and what the request is answered from.</typeparam>
/// <remarks>
/// Running it over the parts of several requests must give the result of running it over each in turn,
/// as a single batch holding all of them would; <see cref="IngestionWriter"/> relies on that.
/// </remarks>
internal interface IGroupProjection<TPart>
{
    Task ProjectAsync(AdvertStatusDbContext db, IReadOnlyList<TPart> parts, CancellationToken cancellationToken);
}
