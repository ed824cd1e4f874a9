using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFailureHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // Failures stored before the counters existed: each is Error1317 evidence (Source 1, a status message) once.
            migrationBuilder.Sql(
                "INSERT INTO FailureHours (Hour, Error1317Failures) " +
                "SELECT strftime('%Y-%m-%d %H:00:00', e.Time), COUNT(*) FROM FindingEvidence AS e JOIN Findings AS f ON f.Id = e.FindingId " +
                "WHERE f.[Rule] = 'Error1317' AND e.Source = 1 " +
                "GROUP BY strftime('%Y-%m-%d %H:00:00', e.Time);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FailureHours");
        }
    }
}
