using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ActivityTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityTallies",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    CategoryKey = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Held = table.Column<int>(type: "int", nullable: false),
                    HeldParticipants = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTallies", x => new { x.CampaignId, x.OrganisationId, x.CategoryKey });
                    table.ForeignKey(
                        name: "FK_ActivityTallies_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The activities registered before this migration.
            migrationBuilder.Sql("INSERT INTO [ActivityTallies] ([CampaignId], [OrganisationId], [CategoryKey], [Count], [Held], [HeldParticipants]) SELECT [CampaignId], [OrganisationId], COALESCE([CategoryId], 0), COUNT(*), SUM(CASE WHEN [Status] = 'Held' THEN 1 ELSE 0 END), SUM(CASE WHEN [Status] = 'Held' THEN CAST(COALESCE([ActualParticipants], 0) AS bigint) ELSE 0 END) FROM [Activities] GROUP BY [CampaignId], [OrganisationId], COALESCE([CategoryId], 0)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityTallies");
        }
    }
}
