using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Ingestion;

/// <summary>The <c>Ingestion</c> settings of the writer.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How many waiting requests one commit may carry. Larger groups mean fewer fsyncs; the bound keeps
    /// one group's transaction, and the latency of its first request, short.
    /// </summary>
    [Range(1, 1000)]
    public int MaxRequestsPerCommit { get; set; } = 32;
}
