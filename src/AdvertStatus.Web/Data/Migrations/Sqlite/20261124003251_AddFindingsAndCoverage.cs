using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFindingsAndCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_TargetUserName_Kind_TimeCreated",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Machines_SiteCode_Platform",
                table: "Machines");

            migrationBuilder.AddColumn<string>(
                name: "AccountKey",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "Machines",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

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
                    LastWin32Code = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvertisementMachineStatuses", x => new { x.AdvertisementId, x.MachineName });
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
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
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
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_AccountKey_Kind_TimeCreated",
                table: "SecurityEvents",
                columns: new[] { "AccountKey", "Kind", "TimeCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform", "Verdict" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_Smsapm32Version",
                table: "Machines",
                column: "Smsapm32Version");

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisementMachineStatuses_MachineName",
                table: "AdvertisementMachineStatuses",
                column: "MachineName");

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId_Source_SourceId",
                table: "FindingEvidence",
                columns: new[] { "FindingId", "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings",
                columns: new[] { "MachineName", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Rule_Key",
                table: "Findings",
                columns: new[] { "Rule", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Rule_State",
                table: "Findings",
                columns: new[] { "Rule", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvertisementMachineStatuses");

            migrationBuilder.DropTable(
                name: "FindingEvidence");

            migrationBuilder.DropTable(
                name: "LockoutSummaries");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_AccountKey_Kind_TimeCreated",
                table: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict",
                table: "Machines");

            migrationBuilder.DropIndex(
                name: "IX_Machines_Smsapm32Version",
                table: "Machines");

            migrationBuilder.DropColumn(
                name: "AccountKey",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "Machines");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_TargetUserName_Kind_TimeCreated",
                table: "SecurityEvents",
                columns: new[] { "TargetUserName", "Kind", "TimeCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_SiteCode_Platform",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform" });
        }
    }
}
