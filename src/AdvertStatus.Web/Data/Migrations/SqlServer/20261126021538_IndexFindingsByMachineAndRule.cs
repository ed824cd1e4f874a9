using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndexFindingsByMachineAndRule : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_MachineName_Rule_State",
                table: "Findings");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MachineName_State",
                table: "Findings",
                columns: new[] { "MachineName", "State" });
        }
    }
}
