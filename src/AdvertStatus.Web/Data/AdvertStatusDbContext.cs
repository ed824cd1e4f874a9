using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Domains;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Demo;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Settings;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Trends;
using AdvertStatus.Web.Users;
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
/// A model change needs a migration for both providers, with the same name:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; -p src/AdvertStatus.Web -s src/AdvertStatus.Web --context SqliteAdvertStatusDbContext -o Data/Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; -p src/AdvertStatus.Web -s src/AdvertStatus.Web --context SqlServerAdvertStatusDbContext -o Data/Migrations/SqlServer
/// </code>
/// then regenerate the DBA script with <c>db/generate-sqlserver-script.sh</c>.
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
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<FindingEvidence> FindingEvidence => Set<FindingEvidence>();
    public DbSet<AdvertisementMachineStatus> AdvertisementMachineStatuses => Set<AdvertisementMachineStatus>();
    public DbSet<LockoutSummary> LockoutSummaries => Set<LockoutSummary>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SavedRuleSettings> RuleSettings => Set<SavedRuleSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ChangeCounter> ChangeCounters => Set<ChangeCounter>();
    public DbSet<DataSource> DataSources => Set<DataSource>();
    public DbSet<TrendSnapshot> TrendSnapshots => Set<TrendSnapshot>();
    public DbSet<TrendHour> TrendHours => Set<TrendHour>();
    public DbSet<FailureHour> FailureHours => Set<FailureHour>();
    public DbSet<DemoDataset> DemoDatasets => Set<DemoDataset>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<IngestionBatch> IngestionBatches => Set<IngestionBatch>();
    public DbSet<ProjectionLease> ProjectionLeases => Set<ProjectionLease>();

    /// <summary>The provider's row writer, bound to this context (its connection and current transaction).</summary>
    internal abstract IRowWriter Rows { get; }

    /// <summary>
    /// The token of the group commit this context runs (<see cref="IngestionWriter"/>): journal rows carry it, so a
    /// commit whose outcome was lost can be looked up instead of run twice.
    /// </summary>
    internal Guid CommitToken { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangedFindings() is { Count: > 0 } changed)
        {
            Number(changed, ChangeCounters.Single(c => c.Name == ChangeCounter.FindingsFeed));
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangedFindings() is { Count: > 0 } changed)
        {
            Number(changed, await ChangeCounters.SingleAsync(c => c.Name == ChangeCounter.FindingsFeed, cancellationToken));
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Findings this save creates or changes: each gets the next number of the change feed.</summary>
    private List<Finding> ChangedFindings()
    {
        ChangeTracker.DetectChanges();
        return [.. ChangeTracker.Entries<Finding>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)];
    }

    /// <remarks>
    /// The counter row is saved with the findings, guarded by its old value: if another instance took
    /// numbers in between, the save fails as a concurrency conflict and is retried by the caller (the
    /// ingestion writer and the state changes both retry those), so no number is handed out twice and
    /// numbers follow commit order.
    /// </remarks>
    private static void Number(List<Finding> changed, ChangeCounter counter)
    {
        foreach (var finding in changed.OrderBy(f => f.Id))
        {
            finding.ChangeSequence = ++counter.Value;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
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
