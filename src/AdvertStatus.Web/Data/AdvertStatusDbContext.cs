using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Domains;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>
/// The one model of AdvertStatus. Each provider has its own subclass so that each keeps its own
/// migration history (<see cref="SqliteAdvertStatusDbContext"/>, <see cref="SqlServerAdvertStatusDbContext"/>).
/// Users and roles (ASP.NET Core Identity) and the data-protection keys live here too, so sign-ins
/// survive restarts and work on every instance.
/// </summary>
/// <remarks>
/// The sets listed here are Core's model, which every feature reads. A feature's own tables are configured beside
/// it (an <see cref="IEntityTypeConfiguration{TEntity}"/>, found by assembly scan) and reached through an extension
/// property it declares (<c>db.AuditLog</c> in Audit), so this folder names no feature. How a migration is added
/// for both providers: <c>db/README.md</c>.
/// </remarks>
public abstract class AdvertStatusDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<StatusMessage> StatusMessages => Set<StatusMessage>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<InventoryReport> InventoryReports => Set<InventoryReport>();
    public DbSet<Machine> Machines => Set<Machine>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Advertisement> Advertisements => Set<Advertisement>();
    public DbSet<DirectoryDomain> Domains => Set<DirectoryDomain>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<FindingEvidence> FindingEvidence => Set<FindingEvidence>();
    public DbSet<AdvertisementMachineStatus> AdvertisementMachineStatuses => Set<AdvertisementMachineStatus>();
    public DbSet<LockoutSummary> LockoutSummaries => Set<LockoutSummary>();
    public DbSet<DataSource> DataSources => Set<DataSource>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The provider's row writer, bound to this context (its connection and current transaction).</summary>
    internal abstract IRowWriter Rows { get; }

    /// <summary>
    /// The token of the group commit this context runs (the ingestion writer's): journal rows carry it, so a
    /// commit whose outcome was lost can be looked up instead of run twice.
    /// </summary>
    internal Guid CommitToken { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature configures its own tables beside it. Those without a DbSet here name their table with
        // ToTable, so the schema (and the DBA script) keeps the plural names it has always had.
        builder.ApplyConfigurationsFromAssembly(typeof(AdvertStatusDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC in the database; reading it back as Kind=Utc keeps comparisons
        // and JSON output honest on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
