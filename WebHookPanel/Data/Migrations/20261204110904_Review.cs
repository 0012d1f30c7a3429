using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebHookPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "WebHookVersions",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActiveTriggerFilter",
                table: "WebHooks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActiveTriggerType",
                table: "WebHooks",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActiveVersion",
                table: "WebHooks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastDecision",
                table: "WebHooks",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastDecisionAt",
                table: "WebHooks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastDecisionBy",
                table: "WebHooks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastDecisionComment",
                table: "WebHooks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastDecisionVersion",
                table: "WebHooks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "WebHooks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Data, not schema: before review existed every saved version was in force at once, so hooks that were
            // sending keep sending their latest version, and the others keep their place in the review.
            migrationBuilder.Sql(
                "UPDATE WebHooks SET ActiveVersion = LatestVersion, ActiveTriggerType = TriggerType, "
                + "ActiveTriggerFilter = TriggerFilter, Review = 'Approved' WHERE Status IN ('Active', 'Paused');");
            migrationBuilder.Sql("UPDATE WebHooks SET Review = 'Pending' WHERE Status = 'PendingReview';");
            migrationBuilder.Sql("UPDATE WebHooks SET Review = 'Rejected' WHERE Status = 'Rejected';");

            migrationBuilder.CreateIndex(
                name: "IX_WebHooks_ActiveTriggerType_Status",
                table: "WebHooks",
                columns: new[] { "ActiveTriggerType", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WebHooks_Review",
                table: "WebHooks",
                column: "Review");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebHooks_ActiveTriggerType_Status",
                table: "WebHooks");

            migrationBuilder.DropIndex(
                name: "IX_WebHooks_Review",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "WebHookVersions");

            migrationBuilder.DropColumn(
                name: "ActiveTriggerFilter",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "ActiveTriggerType",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "ActiveVersion",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "LastDecision",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "LastDecisionAt",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "LastDecisionBy",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "LastDecisionComment",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "LastDecisionVersion",
                table: "WebHooks");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "WebHooks");
        }
    }
}
