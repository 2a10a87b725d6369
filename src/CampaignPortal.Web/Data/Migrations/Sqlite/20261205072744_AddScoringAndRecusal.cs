using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddScoringAndRecusal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DropExtremes",
                table: "SelectionRounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Hundredths",
                table: "RoundCandidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoundCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundCriteria_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionRecusals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionRecusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionRecusals_AspNetUsers_ExpertUserId",
                        column: x => x.ExpertUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionRecusals_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionRecusals_Selections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "Selections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionScores_AspNetUsers_ExpertUserId",
                        column: x => x.ExpertUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionScores_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionScores_RoundCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "RoundCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelectionScores_SelectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundCriteria_RoundId_Order",
                table: "RoundCriteria",
                columns: new[] { "RoundId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRecusals_ExpertUserId",
                table: "SelectionRecusals",
                column: "ExpertUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRecusals_NominationId",
                table: "SelectionRecusals",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionRecusals_SelectionId_ExpertUserId_NominationId",
                table: "SelectionRecusals",
                columns: new[] { "SelectionId", "ExpertUserId", "NominationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionScores_CriterionId",
                table: "SelectionScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionScores_ExpertUserId",
                table: "SelectionScores",
                column: "ExpertUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionScores_NominationId",
                table: "SelectionScores",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionScores_RoundId_ExpertUserId_NominationId_CriterionId",
                table: "SelectionScores",
                columns: new[] { "RoundId", "ExpertUserId", "NominationId", "CriterionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SelectionRecusals");

            migrationBuilder.DropTable(
                name: "SelectionScores");

            migrationBuilder.DropTable(
                name: "RoundCriteria");

            migrationBuilder.DropColumn(
                name: "DropExtremes",
                table: "SelectionRounds");

            migrationBuilder.DropColumn(
                name: "Hundredths",
                table: "RoundCandidates");
        }
    }
}
