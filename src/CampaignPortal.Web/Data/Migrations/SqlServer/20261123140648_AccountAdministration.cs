using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubjectOrganisationId",
                table: "AuditEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_RootName",
                table: "Organisations",
                column: "Name",
                unique: true,
                filter: "[ParentId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubjectOrganisationId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "SubjectOrganisationId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_RootName",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_SubjectOrganisationId_OccurredAt",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubjectOrganisationId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "IsDisabled",
                table: "AspNetUsers");
        }
    }
}
