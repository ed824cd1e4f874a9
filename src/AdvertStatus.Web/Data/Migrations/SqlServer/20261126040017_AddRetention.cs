using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdvertStatus.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EvidenceAgedOutBefore",
                table: "Findings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgedFailures",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgedLastMessageId",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgedLastTime",
                table: "AdvertisementMachineStatuses",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgedLastWin32Code",
                table: "AdvertisementMachineStatuses",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgedOutBefore",
                table: "AdvertisementMachineStatuses",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgedProgramErrors",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgedProgramSuccess",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgedProgramsStarted",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AgedReceived",
                table: "AdvertisementMachineStatuses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AgedSucceededThisRun",
                table: "AdvertisementMachineStatuses",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EvidenceAgedOutBefore",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "AgedFailures",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedLastMessageId",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedLastTime",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedLastWin32Code",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedOutBefore",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedProgramErrors",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedProgramSuccess",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedProgramsStarted",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedReceived",
                table: "AdvertisementMachineStatuses");

            migrationBuilder.DropColumn(
                name: "AgedSucceededThisRun",
                table: "AdvertisementMachineStatuses");
        }
    }
}
