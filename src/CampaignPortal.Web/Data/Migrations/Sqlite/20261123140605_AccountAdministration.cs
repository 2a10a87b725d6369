using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "Organisations",
                type: "TEXT",
                unicode: false,
                maxLength: 400,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldUnicode: false,
                oldMaxLength: 400);

            migrationBuilder.AddColumn<int>(
                name: "SubjectOrganisationId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_RootName",
                table: "Organisations",
                column: "Name",
                unique: true,
                filter: "\"ParentId\" IS NULL");

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

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "Organisations",
                type: "TEXT",
                unicode: false,
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldUnicode: false,
                oldMaxLength: 400,
                oldCollation: "NOCASE");
        }
    }
}
