using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
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
                    Components = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Files = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryReports", x => x.Id);
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
                    InventoryTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FirstSeen = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Machines", x => x.MachineName);
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
                    SourceMachine = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: true),
                    AccountDomain = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Attributes = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

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
                name: "IX_Machines_SiteCode_Platform",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform" });

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
                name: "IX_SecurityEvents_TargetUserName_Kind_TimeCreated",
                table: "SecurityEvents",
                columns: new[] { "TargetUserName", "Kind", "TimeCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_AdvertisementId_MessageId",
                table: "StatusMessages",
                columns: new[] { "AdvertisementId", "MessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_MachineName_RecordId",
                table: "StatusMessages",
                columns: new[] { "MachineName", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_MachineName_Time",
                table: "StatusMessages",
                columns: new[] { "MachineName", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_Win32Code_Time",
                table: "StatusMessages",
                columns: new[] { "Win32Code", "Time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Advertisements");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Domains");

            migrationBuilder.DropTable(
                name: "InventoryReports");

            migrationBuilder.DropTable(
                name: "Machines");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "StatusMessages");
        }
    }
}
