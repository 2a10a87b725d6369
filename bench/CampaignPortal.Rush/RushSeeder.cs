using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.Rush;

/// <summary>A filer account of the rush and the unit it files for.</summary>
public sealed record RushFiler(int Index, string Email, long OrganisationId, string Unit);

/// <summary>The campaign the rush files into and its filers.</summary>
public sealed record RushSetup(long CampaignId, IReadOnlyList<RushFiler> Filers);

/// <summary>
/// Adds the rush's data to a portal database that already holds the demo data: one published campaign of 自治区科协
/// whose report deadline is a week ahead (a copy of the demo's 2022 科技工作者日 with its sections, indicators and
/// materials), N new county-level units under 自治区科协 taking part, and one filer account per unit. SQL, not the
/// portal's services: the driver runs beside a portal process (or a published build) and never loads it. The accounts
/// share the password hash of a demo filer, so they sign in with the demo password of that database. Idempotent.
/// </summary>
public static class RushSeeder
{
    public const string CampaignTitle = "自治区全国科技工作者日（截止冲刺）";
    private const string Template = "2022年自治区全国科技工作者日";
    private const string Province = "新疆维吾尔自治区科学技术协会";
    private const string PasswordFrom = "HAMI.FILER@DEMO.LOCAL";

    private static readonly string[] Counties =
    [
        "和田", "喀什", "莎车", "叶城", "疏勒", "伽师", "巴楚", "麦盖提", "岳普湖", "英吉沙",
        "阿图什", "乌恰", "阿合奇", "墨玉", "皮山", "洛浦", "策勒", "于田", "民丰", "塔城",
    ];

    public static RushSetup Seed(string databaseFile, int filers)
    {
        using var connection = RushDb.Open(databaseFile);
        RushDb.Execute(connection, "BEGIN IMMEDIATE");
        var campaignId = EnsureCampaign(connection);
        var province = RushDb.Scalar(connection, "SELECT Id FROM Organisations WHERE Name = $n", ("$n", Province));
        var provincePath = RushDb.Text(connection, "SELECT Path FROM Organisations WHERE Id = $id", ("$id", province));
        var roleId = RushDb.Text(connection, "SELECT Id FROM AspNetRoles WHERE NormalizedName = 'FILER'");
        var hash = RushDb.Text(connection, "SELECT PasswordHash FROM AspNetUsers WHERE NormalizedEmail = $e", ("$e", PasswordFrom));
        var now = DateTimeOffset.UtcNow.UtcTicks;
        var list = new List<RushFiler>(filers);
        for (var i = 0; i < filers; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"rush{i + 1:D4}@bench.local");
            var unit = string.Create(CultureInfo.InvariantCulture, $"{Counties[i % Counties.Length]}县科技工作者协会（冲刺{i + 1:D4}）");
            var org = RushDb.Scalar(connection, "SELECT COALESCE((SELECT Id FROM Organisations WHERE ParentId = $p AND Name = $n), 0)", ("$p", province), ("$n", unit));
            if (org == 0)
            {
                org = RushDb.Scalar(connection, """
                    INSERT INTO Organisations (CreatedAt, Depth, IsActive, Kind, Name, ParentId, Path, ShortName)
                    VALUES ($now, 2, 1, 'County', $n, $p, $path, $short) RETURNING Id
                    """, ("$now", now), ("$n", unit), ("$p", province), ("$path", provincePath + "rush" + (i + 1).ToString("D4", CultureInfo.InvariantCulture) + "/"),
                    ("$short", unit.Replace("科技工作者协会", "科工协", StringComparison.Ordinal)));
            }

            RushDb.Execute(connection, """
                INSERT OR IGNORE INTO Participants (CampaignId, OrganisationId, Source, AddedAt) VALUES ($c, $o, 'Manual', $now)
                """, ("$c", campaignId), ("$o", org), ("$now", now));
            var userId = RushDb.Text(connection, "SELECT COALESCE((SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $e), '')", ("$e", email.ToUpperInvariant()));
            if (userId.Length == 0)
            {
                userId = Guid.NewGuid().ToString();
                RushDb.Execute(connection, """
                    INSERT INTO AspNetUsers (Id, DisplayName, OrganisationId, MustChangePassword, CreatedAt, UserName, NormalizedUserName, Email,
                        NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled,
                        LockoutEnabled, AccessFailedCount, IsDisabled)
                    VALUES ($id, $name, $o, 0, $now, $e, $ne, $e, $ne, 1, $hash, $stamp, $cs, 0, 0, 1, 0, 0)
                    """, ("$id", userId), ("$name", "填报员" + (i + 1).ToString(CultureInfo.InvariantCulture)), ("$o", org), ("$now", now), ("$e", email),
                    ("$ne", email.ToUpperInvariant()), ("$hash", hash), ("$stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("$cs", Guid.NewGuid().ToString()));
                RushDb.Execute(connection, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($u, $r)", ("$u", userId), ("$r", roleId));
            }

            list.Add(new RushFiler(i, email, org, unit));
        }

        RushDb.Execute(connection, "COMMIT");
        return new RushSetup(campaignId, list);
    }

    /// <summary>The rush campaign: found by title, or copied from the demo template with this year's dates.</summary>
    private static long EnsureCampaign(SqliteConnection connection)
    {
        var existing = RushDb.Scalar(connection, "SELECT COALESCE((SELECT Id FROM Campaigns WHERE Title = $t), 0)", ("$t", CampaignTitle));
        if (existing != 0)
        {
            return existing;
        }

        var template = RushDb.Scalar(connection, "SELECT Id FROM Campaigns WHERE Title = $t", ("$t", Template));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var id = RushDb.Scalar(connection, """
            INSERT INTO Campaigns (OrganisationId, Year, Title, Theme, PeriodStart, PeriodEnd, ReportDeadline, Status, CreatedAt, ActivitiesPublic,
                RemindDaysBefore, RemindWhenOverdue)
            SELECT OrganisationId, $year, $title, Theme, $start, $end, $deadline, 'Published', $now, ActivitiesPublic, NULL, 0
            FROM Campaigns WHERE Id = $template RETURNING Id
            """, ("$year", today.Year), ("$title", CampaignTitle), ("$start", Day(today.AddDays(-30))), ("$end", Day(today.AddDays(-1))),
            ("$deadline", Day(today.AddDays(7))), ("$now", DateTimeOffset.UtcNow.UtcTicks), ("$template", template));
        foreach (var (table, columns) in new[]
        {
            ("ReportSection", "\"Order\", Title, Guidance, IsRequired"),
            ("Indicator", "\"Order\", Code, Name, Unit, ValueType, IsRequired, \"Group\", Prefill, Help"),
            ("RequiredMaterial", "\"Order\", Name, Note, IsRequired"),
            ("ActivityCategory", "\"Order\", Name"),
        })
        {
            RushDb.Execute(connection, $"INSERT INTO {table} (CampaignId, {columns}) SELECT $id, {columns} FROM {table} WHERE CampaignId = $template",
                ("$id", id), ("$template", template));
        }

        return id;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
