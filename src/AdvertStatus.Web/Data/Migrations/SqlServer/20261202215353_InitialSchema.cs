using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AdvertStatus.Web.Data.Migrations.SqlServer
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
                    AdvertisementId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MachineName = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    Received = table.Column<int>(type: "int", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    ProgramsStarted = table.Column<int>(type: "int", nullable: false),
                    ProgramErrors = table.Column<int>(type: "int", nullable: false),
                    ProgramSuccess = table.Column<int>(type: "int", nullable: false),
                    LastMessageId = table.Column<int>(type: "int", nullable: true),
                    LastTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastWin32Code = table.Column<long>(type: "bigint", nullable: true),
                    SucceededThisRun = table.Column<bool>(type: "bit", nullable: true),
                    AgedOutBefore = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AgedReceived = table.Column<int>(type: "int", nullable: false),
                    AgedFailures = table.Column<int>(type: "int", nullable: false),
                    AgedProgramsStarted = table.Column<int>(type: "int", nullable: false),
                    AgedProgramErrors = table.Column<int>(type: "int", nullable: false),
                    AgedProgramSuccess = table.Column<int>(type: "int", nullable: false),
                    AgedSucceededThisRun = table.Column<bool>(type: "bit", nullable: false),
                    AgedLastMessageId = table.Column<int>(type: "int", nullable: true),
                    AgedLastTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AgedLastWin32Code = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvertisementMachineStatuses", x => new { x.AdvertisementId, x.MachineName });
                });

            migrationBuilder.CreateTable(
                name: "Advertisements",
                columns: table => new
                {
                    AdvertisementId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    PackageId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PackageName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ProgramName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CollectionId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    UsesSoftwareInstallationAccount = table.Column<bool>(type: "bit", nullable: false),
                    SoftwareInstallationAccount = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Advertisements", x => x.AdvertisementId);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    KeyHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Disabled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(264)", maxLength: 264, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(272)", maxLength: 272, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataSources",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    FirstReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ItemsReceived = table.Column<long>(type: "bigint", nullable: false),
                    ItemsStored = table.Column<long>(type: "bigint", nullable: false),
                    Duplicates = table.Column<long>(type: "bigint", nullable: false),
                    Conflicts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSources", x => new { x.Kind, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "DemoDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: false),
                    Machines = table.Column<int>(type: "int", nullable: false),
                    Items = table.Column<int>(type: "int", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Seconds = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Domains",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    DomainControllers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LockoutThreshold = table.Column<int>(type: "int", nullable: true),
                    LockoutObservationMinutes = table.Column<int>(type: "int", nullable: true),
                    LockoutDurationMinutes = table.Column<int>(type: "int", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Domains", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "FailureHours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Error1317Failures = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailureHours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Rule = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(296)", maxLength: 296, nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MachineName = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: true),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    AdvertisementId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Domain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Account = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Count = table.Column<int>(type: "int", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ChangeSequence = table.Column<long>(type: "bigint", nullable: false),
                    EvidenceAgedOutBefore = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IngestionBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CommitToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Stored = table.Column<int>(type: "int", nullable: false),
                    Sources = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestionBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MachineName = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClientOs = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Platform = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "nchar(32)", fixedLength: true, maxLength: 32, nullable: true),
                    Components = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Files = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LockoutSummaries",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AccountKey = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Account = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    FirstLockout = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastLockout = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DomainControllers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CallerComputers = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LockoutSummaries", x => new { x.Domain, x.AccountKey });
                });

            migrationBuilder.CreateTable(
                name: "Machines",
                columns: table => new
                {
                    MachineName = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    Domain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClientOs = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Platform = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Smsapm32Version = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Verdict = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    InventoryTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FirstSeen = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Machines", x => x.MachineName);
                });

            migrationBuilder.CreateTable(
                name: "ProjectionLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProjectedThrough = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectionLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ReportSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Report = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Query = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Cron = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Recipients = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRowCount = table.Column<int>(type: "int", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LockoutThreshold = table.Column<int>(type: "int", nullable: false),
                    LockoutWindowMinutes = table.Column<int>(type: "int", nullable: false),
                    CorrelationWindowMinutes = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(264)", maxLength: 264, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EventId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TimeCreated = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Computer = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    EventRecordId = table.Column<long>(type: "bigint", nullable: false),
                    TargetUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    TargetDomainName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    TargetSid = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CallerComputerName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Workstation = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IpAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SubStatus = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LogonType = table.Column<int>(type: "int", nullable: true),
                    ProcessName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SubjectUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubjectDomainName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    InsertionStrings = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AccountKey = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SourceMachine = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: true),
                    AccountDomain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "nchar(32)", fixedLength: true, maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Smsapm32SourceVersion = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FirstSeen = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.SiteCode);
                });

            migrationBuilder.CreateTable(
                name: "StatusMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    MachineName = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Severity = table.Column<long>(type: "bigint", nullable: true),
                    Component = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ModuleName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Win32Error = table.Column<long>(type: "bigint", nullable: true),
                    Win32Code = table.Column<long>(type: "bigint", nullable: true),
                    AdvertisementId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PackageId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PackageName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ProgramName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CollectionId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DistributionPoint = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 16000, nullable: true),
                    ClientOs = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Domain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    InsertionStrings = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "nchar(32)", fixedLength: true, maxLength: 32, nullable: true),
                    Attributes = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrendHours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TakenBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendHours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "TrendSnapshots",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    AffectedWorkstations = table.Column<int>(type: "int", nullable: false),
                    OpenError1317 = table.Column<int>(type: "int", nullable: false),
                    OpenQ307434 = table.Column<int>(type: "int", nullable: false),
                    OpenQ264714 = table.Column<int>(type: "int", nullable: false),
                    OpenLocalInstallAccountAfterFix = table.Column<int>(type: "int", nullable: false),
                    OpenRepeatedLockout = table.Column<int>(type: "int", nullable: false),
                    Lockouts = table.Column<int>(type: "int", nullable: true),
                    Fixed = table.Column<int>(type: "int", nullable: false),
                    Vulnerable = table.Column<int>(type: "int", nullable: false),
                    Unknown = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendSnapshots", x => new { x.Hour, x.SiteCode });
                });

            migrationBuilder.CreateTable(
                name: "Webhooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Format = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Secret = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Rules = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Sites = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DeliveredThrough = table.Column<long>(type: "bigint", nullable: false),
                    LastSuccessAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FailingSince = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false)
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
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false)
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
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "int", nullable: false),
                    SourceId = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Counts = table.Column<bool>(type: "bit", nullable: false),
                    Machine = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: true),
                    Reporter = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AdvertisementId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true)
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    Reopened = table.Column<bool>(type: "bit", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                columnTypes: new[] { "nvarchar(32)", "bigint" },
                values: new object[] { "findings", 0L });

            migrationBuilder.InsertData(
                table: "ProjectionLeases",
                columns: new[] { "Name", "ExpiresAt", "Holder", "ProjectedThrough" },
                columnTypes: new[] { "nvarchar(32)", "datetime2", "nvarchar(256)", "bigint" },
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
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

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
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

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
