namespace AdvertStatus.Web.Ingestion;

/// <summary>The routes whose batches are appended first and projected after (ADR 0011).</summary>
public enum IngestionKind
{
    StatusMessages,
    SecurityEvents,
    Inventory,
}
