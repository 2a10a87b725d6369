using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NoticeListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Status_IsPublic_PublishedAt",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Status_IsPublic_PublicationDate",
                table: "Notices",
                columns: new[] { "Status", "IsPublic", "PublicationDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Status_IsPublic_PublicationDate",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Status_IsPublic_PublishedAt",
                table: "Notices",
                columns: new[] { "Status", "IsPublic", "PublishedAt" });
        }
    }
}
