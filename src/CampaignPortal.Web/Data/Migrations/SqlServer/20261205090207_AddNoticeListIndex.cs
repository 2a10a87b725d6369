using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddNoticeListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_AttachedToNoticeId",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AttachedToNoticeId_PublicationDate_Id_IsPublic_Status",
                table: "Notices",
                columns: new[] { "AttachedToNoticeId", "PublicationDate", "Id", "IsPublic", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_AttachedToNoticeId_PublicationDate_Id_IsPublic_Status",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AttachedToNoticeId",
                table: "Notices",
                column: "AttachedToNoticeId");
        }
    }
}
