using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebHookPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class Deferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries");

            migrationBuilder.AddColumn<int>(
                name: "Deferrals",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries",
                columns: new[] { "WebHookId", "FinishedAt" },
                filter: "FinishedAt IS NOT NULL AND NOT EventAtFault");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "Deferrals",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries",
                columns: new[] { "WebHookId", "FinishedAt" },
                filter: "FinishedAt IS NOT NULL");
        }
    }
}
