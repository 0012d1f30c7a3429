using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebHookPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class DispatchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_LeaseUntil",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_LeaseUntil",
                table: "Deliveries",
                columns: new[] { "Status", "LeaseUntil" },
                filter: "Status = 'InFlight'");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries",
                columns: new[] { "Status", "NextAttemptAt" },
                filter: "Status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries",
                columns: new[] { "WebHookId", "FinishedAt" },
                filter: "FinishedAt IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_LeaseUntil",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_LeaseUntil",
                table: "Deliveries",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_WebHookId_FinishedAt",
                table: "Deliveries",
                columns: new[] { "WebHookId", "FinishedAt" });
        }
    }
}
