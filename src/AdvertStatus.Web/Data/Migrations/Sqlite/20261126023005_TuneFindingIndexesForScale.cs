using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TuneFindingIndexesForScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings",
                columns: new[] { "MachineName", "Rule", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_Time",
                table: "FindingEvidence",
                column: "Time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_FindingEvidence_Time",
                table: "FindingEvidence");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings",
                columns: new[] { "MachineName", "State" });
        }
    }
}
