using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TuneStatusMessageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusMessages_AdvertisementId_MessageId",
                table: "StatusMessages");

            migrationBuilder.DropIndex(
                name: "IX_StatusMessages_Win32Code_Time",
                table: "StatusMessages");

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_AdvertisementId_MachineName",
                table: "StatusMessages",
                columns: new[] { "AdvertisementId", "MachineName" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_Time",
                table: "StatusMessages",
                column: "Time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusMessages_AdvertisementId_MachineName",
                table: "StatusMessages");

            migrationBuilder.DropIndex(
                name: "IX_StatusMessages_Time",
                table: "StatusMessages");

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_AdvertisementId_MessageId",
                table: "StatusMessages",
                columns: new[] { "AdvertisementId", "MessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusMessages_Win32Code_Time",
                table: "StatusMessages",
                columns: new[] { "Win32Code", "Time" });
        }
    }
}
