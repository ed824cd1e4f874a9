using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Domains;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Settings;
using AdvertStatus.Web.Security;
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
