using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEvidenceAdvertisement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdvertisementId",
                table: "FindingEvidence",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Evidence stored before this column existed: its status messages name their advertisement.
            migrationBuilder.Sql(
                "UPDATE FindingEvidence SET AdvertisementId = " +
                "(SELECT m.AdvertisementId FROM StatusMessages AS m WHERE m.Id = FindingEvidence.SourceId) " +
                "WHERE Source = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AdvertisementId",
                table: "FindingEvidence");
        }
    }
}
