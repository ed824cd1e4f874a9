using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTrendSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrendHours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendHours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "TrendSnapshots",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AffectedWorkstations = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenError1317 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenQ307434 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenQ264714 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenLocalInstallAccountAfterFix = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenRepeatedLockout = table.Column<int>(type: "INTEGER", nullable: false),
                    Lockouts = table.Column<int>(type: "INTEGER", nullable: true),
                    Fixed = table.Column<int>(type: "INTEGER", nullable: false),
                    Vulnerable = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrendSnapshots", x => new { x.Hour, x.SiteCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrendSnapshots_SiteCode_Hour",
                table: "TrendSnapshots",
                columns: new[] { "SiteCode", "Hour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrendHours");

            migrationBuilder.DropTable(
                name: "TrendSnapshots");
        }
    }
}
