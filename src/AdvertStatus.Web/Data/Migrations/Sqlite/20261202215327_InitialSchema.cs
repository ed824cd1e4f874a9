using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvertisementMachineStatuses",
                columns: table => new
                {
                    AdvertisementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramsStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramSuccess = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    LastTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastWin32Code = table.Column<long>(type: "INTEGER", nullable: true),
                    SucceededThisRun = table.Column<bool>(type: "INTEGER", nullable: true),
                    AgedOutBefore = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgedReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    AgedFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    AgedProgramsStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    AgedProgramErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    AgedProgramSuccess = table.Column<int>(type: "INTEGER", nullable: false),
                    AgedSucceededThisRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgedLastMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgedLastTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgedLastWin32Code = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvertisementMachineStatuses", x => new { x.AdvertisementId, x.MachineName });
                });

            migrationBuilder.CreateTable(
                name: "Advertisements",
                columns: table => new
                {
                    AdvertisementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PackageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PackageName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProgramName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CollectionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UsesSoftwareInstallationAccount = table.Column<bool>(type: "INTEGER", nullable: false),
                    SoftwareInstallationAccount = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Advertisements", x => x.AdvertisementId);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SiteCodes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 264, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 272, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataSources",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FirstReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ItemsReceived = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsStored = table.Column<long>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<long>(type: "INTEGER", nullable: false),
                    Conflicts = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSources", x => new { x.Kind, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "DemoDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Machines = table.Column<int>(type: "INTEGER", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Domains",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DomainControllers = table.Column<string>(type: "TEXT", nullable: false),
                    LockoutThreshold = table.Column<int>(type: "INTEGER", nullable: true),
                    LockoutObservationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LockoutDurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Domains", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "FailureHours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Error1317Failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailureHours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 296, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AdvertisementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceAgedOutBefore = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IngestionBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CommitToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Stored = table.Column<int>(type: "INTEGER", nullable: false),
                    Sources = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestionBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClientOs = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: true),
                    Components = table.Column<string>(type: "TEXT", nullable: true),
                    Files = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LockoutSummaries",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstLockout = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastLockout = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DomainControllers = table.Column<string>(type: "TEXT", nullable: false),
                    CallerComputers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LockoutSummaries", x => new { x.Domain, x.AccountKey });
                });

            migrationBuilder.CreateTable(
                name: "Machines",
                columns: table => new
                {
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClientOs = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Smsapm32Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InventoryTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Machines", x => x.MachineName);
                });

            migrationBuilder.CreateTable(
                name: "ProjectionLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProjectedThrough = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectionLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ReportSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrelationWindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 264, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeCreated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Computer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EventRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TargetDomainName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TargetSid = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CallerComputerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Workstation = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LogonType = table.Column<int>(type: "INTEGER", nullable: true),
                    ProcessName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubjectUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubjectDomainName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InsertionStrings = table.Column<string>(type: "TEXT", nullable: false),
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SourceMachine = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    AccountDomain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Smsapm32SourceVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.SiteCode);
                });

            migrationBuilder.CreateTable(
                name: "StatusMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<long>(type: "INTEGER", nullable: true),
                    Component = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ModuleName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Win32Error = table.Column<long>(type: "INTEGER", nullable: true),
                    Win32Code = table.Column<long>(type: "INTEGER", nullable: true),
                    AdvertisementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PackageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PackageName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProgramName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CollectionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DistributionPoint = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    ClientOs = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InsertionStrings = table.Column<string>(type: "TEXT", nullable: false),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: true),
                    Attributes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrendHours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendHours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "TrendSnapshots",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AffectedWorkstations = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenError1317 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenQ307434 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenQ264714 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenLocalInstallAccountAfterFix = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenRepeatedLockout = table.Column<int>(type: "INTEGER", nullable: false),
                    Lockouts = table.Column<int>(type: "INTEGER", nullable: true),
                    Fixed = table.Column<int>(type: "INTEGER", nullable: false),
                    Vulnerable = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendSnapshots", x => new { x.Hour, x.SiteCode });
                });

            migrationBuilder.CreateTable(
                name: "Webhooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Sites = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeliveredThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSuccessAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserPreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserPreferences", x => new { x.UserId, x.Key });
                    table.ForeignKey(
                        name: "FK_UserPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Counts = table.Column<bool>(type: "INTEGER", nullable: false),
                    Machine = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Reporter = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AdvertisementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingEvidence_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingOpenings",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingOpenings", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_FindingOpenings_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ChangeCounters",
                columns: new[] { "Name", "Value" },
                columnTypes: new[] { "TEXT", "INTEGER" },
                values: new object[] { "findings", 0L });

            migrationBuilder.InsertData(
                table: "ProjectionLeases",
                columns: new[] { "Name", "ExpiresAt", "Holder", "ProjectedThrough" },
                columnTypes: new[] { "TEXT", "TEXT", "TEXT", "INTEGER" },
                values: new object[,]
                {
                    { "projector", new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, 0L },
                    { "webhooks", new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisementMachineStatuses_MachineName",
                table: "AdvertisementMachineStatuses",
                column: "MachineName");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Email",
                table: "AspNetUsers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action_Id",
                table: "AuditLog",
                columns: new[] { "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Actor_Id",
                table: "AuditLog",
                columns: new[] { "Actor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Time",
                table: "AuditLog",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId_Source_SourceId",
                table: "FindingEvidence",
                columns: new[] { "FindingId", "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId_Time",
                table: "FindingEvidence",
                columns: new[] { "FindingId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_Time",
                table: "FindingEvidence",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_FindingOpenings_FindingId",
                table: "FindingOpenings",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingOpenings_OpenedAt",
                table: "FindingOpenings",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ChangeSequence",
                table: "Findings",
                column: "ChangeSequence");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings",
                columns: new[] { "MachineName", "Rule", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Rule_Key",
                table: "Findings",
                columns: new[] { "Rule", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Rule_State",
                table: "Findings",
                columns: new[] { "Rule", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_IngestionBatches_CommitToken",
                table: "IngestionBatches",
                column: "CommitToken");

            migrationBuilder.CreateIndex(
                name: "IX_IngestionBatches_ProjectedAt_Id",
                table: "IngestionBatches",
                columns: new[] { "ProjectedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryReports_BatchId",
                table: "InventoryReports",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryReports_MachineName_Time",
                table: "InventoryReports",
                columns: new[] { "MachineName", "Time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Machines_Domain",
                table: "Machines",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict_Role",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform", "Verdict", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_Smsapm32Version",
                table: "Machines",
                column: "Smsapm32Version");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSchedules_NextDueAt",
                table: "ReportSchedules",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_AccountKey_Kind_TimeCreated",
                table: "SecurityEvents",
                columns: new[] { "AccountKey", "Kind", "TimeCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_BatchId",
                table: "SecurityEvents",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Computer_EventRecordId",
                table: "SecurityEvents",
                columns: new[] { "Computer", "EventRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_SourceMachine_TimeCreated",
                table: "SecurityEvents",
                columns: new[] { "SourceMachine", "TimeCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_BatchId",
                table: "StatusMessages",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_MachineName_RecordId",
                table: "StatusMessages",
                columns: new[] { "MachineName", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_Time",
                table: "StatusMessages",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_TrendSnapshots_SiteCode_Hour",
                table: "TrendSnapshots",
                columns: new[] { "SiteCode", "Hour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvertisementMachineStatuses");

            migrationBuilder.DropTable(
                name: "Advertisements");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "ChangeCounters");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DataSources");

            migrationBuilder.DropTable(
                name: "DemoDatasets");

            migrationBuilder.DropTable(
                name: "Domains");

            migrationBuilder.DropTable(
                name: "FailureHours");

            migrationBuilder.DropTable(
                name: "FindingEvidence");

            migrationBuilder.DropTable(
                name: "FindingOpenings");

            migrationBuilder.DropTable(
                name: "IngestionBatches");

            migrationBuilder.DropTable(
                name: "InventoryReports");

            migrationBuilder.DropTable(
                name: "LockoutSummaries");

            migrationBuilder.DropTable(
                name: "Machines");

            migrationBuilder.DropTable(
                name: "ProjectionLeases");

            migrationBuilder.DropTable(
                name: "ReportSchedules");

            migrationBuilder.DropTable(
                name: "RuleSettings");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "StatusMessages");

            migrationBuilder.DropTable(
                name: "TrendHours");

            migrationBuilder.DropTable(
                name: "TrendSnapshots");

            migrationBuilder.DropTable(
                name: "UserPreferences");

            migrationBuilder.DropTable(
                name: "Webhooks");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
