using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SelectionId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDays = table.Column<int>(type: "int", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinalisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResultPublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Announcements_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnnouncementId = table.Column<int>(type: "int", nullable: false),
                    NominationId = table.Column<int>(type: "int", nullable: false),
                    IsWinner = table.Column<bool>(type: "bit", nullable: false),
                    IsPutForward = table.Column<bool>(type: "bit", nullable: false),
                    Citation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PhotoFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Removed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementEntries_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementEntries_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnouncementEntries_StoredFiles_PhotoFileId",
                        column: x => x.PhotoFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnnouncementId = table.Column<int>(type: "int", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    NominationId = table.Column<int>(type: "int", nullable: true),
                    Grounds = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Handling = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HandledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementEntries_AnnouncementId_NominationId",
                table: "AnnouncementEntries",
                columns: new[] { "AnnouncementId", "NominationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementEntries_NominationId",
                table: "AnnouncementEntries",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementEntries_PhotoFileId",
                table: "AnnouncementEntries",
                column: "PhotoFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_OrganisationId",
                table: "Announcements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedAt",
                table: "Announcements",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_SelectionId",
                table: "Announcements",
                column: "SelectionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_AnnouncementId_SubmittedAt",
                table: "Objections",
                columns: new[] { "AnnouncementId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_FileId",
                table: "Objections",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_NominationId",
                table: "Objections",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_Reference",
                table: "Objections",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnouncementEntries");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropTable(
                name: "Announcements");
        }
    }
}
