using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSelections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Selections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NominationOpens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NominationCloses = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuotaPerUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Selections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Selections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Selections_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionGroup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionGroup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionGroup_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PerGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CutOffRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CutOffCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FractionNumerator = table.Column<int>(type: "INTEGER", nullable: false),
                    FractionDenominator = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingVotesReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MeetingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MinutesFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionRounds_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelectionRounds_StoredFiles_MinutesFileId",
                        column: x => x.MinutesFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 204800, nullable: true),
                    UnitOpinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsWinner = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPutForward = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_SelectionGroup_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SelectionGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionExperts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionExperts_SelectionGroup_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SelectionGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionExperts_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationFile_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NominationFile_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Advances = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasTied = table.Column<bool>(type: "INTEGER", nullable: false),
                    Yes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundCandidates_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundCandidates_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Yes = table.Column<bool>(type: "INTEGER", nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionVotes_AspNetUsers_ExpertUserId",
                        column: x => x.ExpertUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionVotes_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionVotes_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundPanellist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundPanellist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundPanellist_SelectionExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "SelectionExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundPanellist_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NominationFile_NominationId",
                table: "NominationFile",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationFile_StoredFileId",
                table: "NominationFile",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_GroupId",
                table: "Nominations",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_OrganisationId",
                table: "Nominations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SelectionId_OrganisationId_Status",
                table: "Nominations",
                columns: new[] { "SelectionId", "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SelectionId_Status_GroupId",
                table: "Nominations",
                columns: new[] { "SelectionId", "Status", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundCandidates_NominationId",
                table: "RoundCandidates",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundCandidates_RoundId_NominationId",
                table: "RoundCandidates",
                columns: new[] { "RoundId", "NominationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundPanellist_ExpertId",
                table: "RoundPanellist",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundPanellist_RoundId_ExpertId",
                table: "RoundPanellist",
                columns: new[] { "RoundId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionExperts_GroupId",
                table: "SelectionExperts",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionExperts_SelectionId_UserId",
                table: "SelectionExperts",
                columns: new[] { "SelectionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionExperts_UserId",
                table: "SelectionExperts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionGroup_SelectionId_Name",
                table: "SelectionGroup",
                columns: new[] { "SelectionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRounds_MinutesFileId",
                table: "SelectionRounds",
                column: "MinutesFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRounds_SelectionId_Number",
                table: "SelectionRounds",
                columns: new[] { "SelectionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Selections_CampaignId",
                table: "Selections",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Selections_OrganisationId",
                table: "Selections",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionVotes_ExpertUserId",
                table: "SelectionVotes",
                column: "ExpertUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionVotes_NominationId",
                table: "SelectionVotes",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionVotes_RoundId_ExpertUserId_NominationId",
                table: "SelectionVotes",
                columns: new[] { "RoundId", "ExpertUserId", "NominationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NominationFile");

            migrationBuilder.DropTable(
                name: "RoundCandidates");

            migrationBuilder.DropTable(
                name: "RoundPanellist");

            migrationBuilder.DropTable(
                name: "SelectionVotes");

            migrationBuilder.DropTable(
                name: "SelectionExperts");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "SelectionRounds");

            migrationBuilder.DropTable(
                name: "SelectionGroup");

            migrationBuilder.DropTable(
                name: "Selections");
        }
    }
}
