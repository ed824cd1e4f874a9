using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTallyRunState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SucceededThisRun",
                table: "AdvertisementMachineStatuses",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SucceededThisRun",
                table: "AdvertisementMachineStatuses");
        }
    }
}
