using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Data;

/// <summary>The <c>Database</c> settings: which provider, and whether to migrate at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>One of <see cref="DatabaseProvider.All"/>, in any case; checked where the provider is chosen.</summary>
    [Required]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations at start-up. Null means the provider's default: on for SQLite (zero
    /// set-up), off for SQL Server, where a DBA runs the script in <c>db/</c>.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// How long a statement waits for a busy (locked) or slow database before it gives up, in seconds.
    /// Ingestion then answers 503 with Retry-After instead of hanging: keep it under the agents' own
    /// request timeout (architecture §7 promises an answer within 15 s).
    /// </summary>
    [Range(1, 60)]
    public int BusyTimeoutSeconds { get; set; } = 10;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? string.Equals(Provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase);
}
