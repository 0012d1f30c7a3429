using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WebHookPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogAttributes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TriggerType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogAttributes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebHooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TriggerType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TriggerFilter = table.Column<string>(type: "TEXT", nullable: true),
                    Uri = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebHooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebHookVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WebHookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebHookVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebHookVersions_WebHooks_WebHookId",
                        column: x => x.WebHookId,
                        principalTable: "WebHooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CatalogAttributes",
                columns: new[] { "Id", "Description", "Kind", "Name", "TriggerType" },
                values: new object[,]
                {
                    { 1, "The user's id in your own systems", "Profile", "externalId", null },
                    { 2, "E-mail address", "Profile", "email", null },
                    { 3, "Mobile phone number", "Profile", "msisdn", null },
                    { 4, "First name", "Profile", "name", null },
                    { 5, "Last name", "Profile", "surname", null },
                    { 6, "Gender", "Profile", "gender", null },
                    { 7, "Date of birth", "Profile", "birthday", null },
                    { 8, "City", "Profile", "city", null },
                    { 9, "Country", "Profile", "country", null },
                    { 10, "Preferred language", "Profile", "language", null },
                    { 11, "Consents to e-mail", "Profile", "emailPermit", null },
                    { 12, "Consents to SMS", "Profile", "gsmPermit", null },
                    { 13, "When the profile was created", "Profile", "createdAt", null },
                    { 14, "iOS, Android or Web", "Device", "platform", null },
                    { 15, "Operating system version", "Device", "osVersion", null },
                    { 16, "App version", "Device", "appVersion", null },
                    { 17, "Device model", "Device", "model", null },
                    { 18, "Device brand", "Device", "brand", null },
                    { 19, "Device language", "Device", "language", null },
                    { 20, "Device time zone", "Device", "timezone", null },
                    { 21, "Push token", "Device", "pushToken", null },
                    { 22, "Installation id", "Device", "installationId", null },
                    { 23, "Mobile carrier", "Device", "carrier", null },
                    { 24, "SDK version", "Device", "sdkVersion", null },
                    { 25, "Push campaign id", "Context", "pushId", "PushClick" },
                    { 26, "Id of the push as sent to this device", "Context", "pushInstanceId", "PushClick" },
                    { 27, "The button the user pressed", "Context", "buttonId", "PushClick" },
                    { 28, "The link the push opened", "Context", "deepLink", "PushClick" },
                    { 29, "Message id", "Context", "messageId", "MessageLog" },
                    { 30, "push, email, sms or inapp", "Context", "channel", "MessageLog" },
                    { 31, "Delivery status of the message", "Context", "status", "MessageLog" },
                    { 32, "Geofence id", "Context", "geofenceId", "Geofence" },
                    { 33, "enter, exit or dwell", "Context", "transition", "Geofence" },
                    { 34, "Latitude of the device", "Context", "latitude", "Geofence" },
                    { 35, "Longitude of the device", "Context", "longitude", "Geofence" },
                    { 36, "The custom event's code", "Context", "eventCode", "Event" },
                    { 37, "The custom event's value", "Context", "eventValue", "Event" },
                    { 38, "When the event happened", "Context", "occurredAt", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogAttributes_Kind_Name_TriggerType",
                table: "CatalogAttributes",
                columns: new[] { "Kind", "Name", "TriggerType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebHooks_DeletedAt_UpdatedAt",
                table: "WebHooks",
                columns: new[] { "DeletedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebHooks_NormalizedName",
                table: "WebHooks",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebHooks_TriggerType_Status",
                table: "WebHooks",
                columns: new[] { "TriggerType", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WebHookVersions_WebHookId_Number",
                table: "WebHookVersions",
                columns: new[] { "WebHookId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogAttributes");

            migrationBuilder.DropTable(
                name: "WebHookVersions");

            migrationBuilder.DropTable(
                name: "WebHooks");
        }
    }
}
