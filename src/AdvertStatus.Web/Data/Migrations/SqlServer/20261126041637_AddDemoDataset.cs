using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddDemoDataset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemoDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: false),
                    Machines = table.Column<int>(type: "int", nullable: false),
                    Items = table.Column<int>(type: "int", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Seconds = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoDatasets", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemoDatasets");
        }
    }
}
