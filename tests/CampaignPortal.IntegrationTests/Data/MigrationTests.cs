using System.Text.RegularExpressions;
using CampaignPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignPortal.IntegrationTests.Data;

/// <summary>Both providers' migrations match the model; SQL Server's script is generated offline and checked.</summary>
public sealed partial class MigrationTests
{
    /// <summary>Children deleted with their parent; every other foreign key must not cascade (SQL Server refuses multiple cascade paths).</summary>
    private static readonly HashSet<Type> OwnedChildren =
    [
        typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserRole<string>),
        typeof(IdentityRoleClaim<string>),
        typeof(CampaignPortal.Web.Domain.ActivityCategory),
        typeof(CampaignPortal.Web.Domain.ReportSection),
        typeof(CampaignPortal.Web.Domain.RequiredMaterial),
        typeof(CampaignPortal.Web.Domain.Indicator),
        typeof(CampaignPortal.Web.Domain.Participant),
        typeof(CampaignPortal.Web.Domain.NoticeIssuer),
        typeof(CampaignPortal.Web.Domain.AnnouncementEntry),
        typeof(CampaignPortal.Web.Domain.NoticeAddressee),
        typeof(CampaignPortal.Web.Domain.NoticeBasis),
        typeof(CampaignPortal.Web.Domain.NoticeContact),
        typeof(CampaignPortal.Web.Domain.NoticeRevision),
        typeof(CampaignPortal.Web.Domain.Notification),
        typeof(CampaignPortal.Web.Domain.ActivityMedia),
        typeof(CampaignPortal.Web.Domain.ActivityPhoto),
        typeof(CampaignPortal.Web.Domain.NoticeAttachment),
        typeof(CampaignPortal.Web.Domain.NoticeReceipt),

        // A report's working copy and frozen versions own their rows; its history goes with it.
        typeof(CampaignPortal.Web.Domain.SectionText),
        typeof(CampaignPortal.Web.Domain.FigureValue),
        typeof(CampaignPortal.Web.Domain.ReportMedia),
        typeof(CampaignPortal.Web.Domain.ReportFile),
        typeof(CampaignPortal.Web.Domain.ReportEvent),

        // A selection owns its groups, experts and rounds; a round its candidates, panel and votes; a nomination its files.
        typeof(CampaignPortal.Web.Domain.SelectionGroup),
        typeof(CampaignPortal.Web.Domain.SelectionExpert),
        typeof(CampaignPortal.Web.Domain.SelectionRound),
        typeof(CampaignPortal.Web.Domain.RoundCandidate),
        typeof(CampaignPortal.Web.Domain.RoundPanellist),
        typeof(CampaignPortal.Web.Domain.RoundCriterion),
        typeof(CampaignPortal.Web.Domain.SelectionScore),
        typeof(CampaignPortal.Web.Domain.SelectionRecusal),
        typeof(CampaignPortal.Web.Domain.SelectionVote),
        typeof(CampaignPortal.Web.Domain.NominationFile),
    ];

    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_HasNoPendingChanges(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: add a migration for the model change (docs/architecture.md).");
    }

    [Fact]
    public void Migrations_SameNamesInTheSameOrder_ForBothProviders()
    {
        using var sqlite = Create("Sqlite");
        using var sqlServer = Create("SqlServer");

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServerScript_Idempotent_CreatesEveryEntityTable()
    {
        using var db = Create("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Organisations", tables);
        Assert.Contains("AuditEntries", tables);
        foreach (var table in tables)
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(DateTimeOffsetAsBinary(), script);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ForeignKeys_CascadeOnlyToOwnedChildren(string provider)
    {
        using var db = Create(provider);

        var cascading = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && !OwnedChildren.Contains(fk.DeclaringEntityType.ClrType))
            .Select(fk => $"{fk.DeclaringEntityType.ShortName()} -> {fk.PrincipalEntityType.ShortName()}")
            .ToList();

        Assert.Empty(cascading);
    }

    [Fact]
    public void SqlServer_TargetsCompatibilityLevel2019_NoGreatestFunction()
    {
        // GREATEST exists from SQL Server 2022 (level 160) on: EF uses it for Math.Max only when told the server has it.
        using var sql2022 = new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=offline;Database=CampaignPortal;Trusted_Connection=True", o => o.UseCompatibilityLevel(160)).Options);
        using var db = Create("SqlServer");

        static IQueryable<int> Query(AppDbContext context) =>
            context.Organisations.Where(o => Math.Max(o.Id, o.Depth) > 3).Select(o => o.Id);

        Assert.Contains("GREATEST", Query(sql2022).ToQueryString(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Query(db).ToQueryString());
    }

    [Fact]
    public void Sqlite_StoresDateTimeOffsetAsSortableInteger()
    {
        using var db = Create("Sqlite");

        var column = db.Model.FindEntityType(typeof(CampaignPortal.Web.Domain.AuditEntry))!
            .FindProperty(nameof(CampaignPortal.Web.Domain.AuditEntry.OccurredAt))!;

        Assert.Equal("INTEGER", column.GetColumnType());
    }

    private static AppDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=:memory:").Options),
        _ => new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=offline;Database=CampaignPortal;Trusted_Connection=True", DatabaseSetup.ConfigureSqlServer).Options),
    };

    [GeneratedRegex(@"\[OccurredAt\] bigint")]
    private static partial Regex DateTimeOffsetAsBinary();
}
