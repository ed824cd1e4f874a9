using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TuneIndexesForScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict",
                table: "Machines");

            migrationBuilder.DropIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings");

            migrationBuilder.CreateIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict_Role",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform", "Verdict", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings",
                columns: new[] { "MachineName", "Rule", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId_Time",
                table: "FindingEvidence",
                columns: new[] { "FindingId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_Time",
                table: "FindingEvidence",
                column: "Time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict_Role",
                table: "Machines");

            migrationBuilder.DropIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_FindingEvidence_FindingId_Time",
                table: "FindingEvidence");

            migrationBuilder.DropIndex(
                name: "IX_FindingEvidence_Time",
                table: "FindingEvidence");

            migrationBuilder.CreateIndex(
                name: "IX_Machines_SiteCode_Platform_Verdict",
                table: "Machines",
                columns: new[] { "SiteCode", "Platform", "Verdict" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings",
                columns: new[] { "MachineName", "State" });
        }
    }
}
