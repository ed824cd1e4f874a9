namespace AdvertStatus.Web.Data;

/// <summary>How many keys a query binds in one <c>IN</c> list, for every feature that looks rows up by a list of keys.</summary>
internal static class InList
{
    /// <summary>
    /// Keys per chunk: SQL Server allows 2,100 parameters per command, and some queries bind two lists of a chunk
    /// (names and record ids), so 500 keeps every one well under it.
    /// </summary>
    public const int ChunkSize = 500;
}
