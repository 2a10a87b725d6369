using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PhotoThumbnails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThumbnailKey",
                table: "StoredFiles",
                type: "varchar(200)",
                unicode: false,
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThumbnailKey",
                table: "StoredFiles");
        }
    }
}
