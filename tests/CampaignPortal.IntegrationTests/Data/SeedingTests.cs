using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignPortal.IntegrationTests.Data;

public sealed class SeedingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Seed_DemoData_HasTheOrganisationsAndAccountsOfDomainMd()
    {
        var xinjiangChildren = await factory.WithDbAsync(db => db.Organisations
            .Where(o => o.Parent!.Name == OrganisationSeeds.Xinjiang && o.Kind == OrganisationKind.Prefecture).CountAsync());
        var karamayCounties = await factory.WithDbAsync(db => db.Organisations
            .Where(o => o.Parent!.Name == OrganisationSeeds.Karamay && o.Kind == OrganisationKind.County).CountAsync());
        var hohhotCounties = await factory.WithDbAsync(db => db.Organisations
            .Where(o => o.Parent!.Name == "呼和浩特市科学技术协会").CountAsync());
        var emails = await factory.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync());

        Assert.Equal(14, xinjiangChildren);
        Assert.Equal(2, karamayCounties);
        Assert.Equal(2, hohhotCounties);
        Assert.Superset(DemoAccounts.All.Select(a => a.Email).ToHashSet(), emails.ToHashSet());
    }

    [Fact]
    public async Task Seed_WorkersDay2022_ForwardedDownTwoLevels_WithReceiptsInEveryState()
    {
        var chain = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Year == 2022)
            .Select(c => new { c.Id, c.Title, c.ParentCampaignId, Participants = c.Participants.Count }).ToListAsync());
        var national = chain.Single(c => c.Title == "2022年全国科技工作者日");
        var xinjiang = chain.Single(c => c.Title == "2022年自治区全国科技工作者日");
        var karamay = chain.Single(c => c.Title == "2022年克拉玛依市全国科技工作者日");
        var receipts = await factory.WithDbAsync(db => db.NoticeReceipts.AsNoTracking().ToListAsync());

        Assert.Equal(national.Id, xinjiang.ParentCampaignId);
        Assert.Equal(xinjiang.Id, karamay.ParentCampaignId);
        Assert.Equal(14, xinjiang.Participants);
        Assert.Equal(2, karamay.Participants);
        Assert.Contains(receipts, r => r.AcknowledgedAt != null && !r.OnBehalf);
        Assert.Contains(receipts, r => r.OnBehalf && r.Note == "电话确认");
        Assert.Contains(receipts, r => r.ReadAt != null && r.AcknowledgedAt == null);
    }

    [Fact]
    public async Task StartupLock_HeldByAnotherProcess_WaitsUntilReleased()
    {
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        var held = await StartupLock.AcquireAsync(first.ServiceProvider.GetRequiredService<AppDbContext>(), TimeProvider.System, default);
        var waiting = StartupLock.AcquireAsync(second.ServiceProvider.GetRequiredService<AppDbContext>(), TimeProvider.System, default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "The second holder got the start-up lease while the first held it");

        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DataProtectionKey_CreatedAtStartUpOnlyWhenNoneIsUsable()
    {
        await using var portal = new PortalFactory(); // its own database: this test revokes keys
        var keys = portal.Services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        var atStart = keys.GetAllKeys().Count;
        StartupLock.EnsureDataProtectionKey(keys, TimeSpan.FromDays(90), now);
        Assert.Equal(1, atStart);
        Assert.Equal(atStart, keys.GetAllKeys().Count);

        // Revocation covers keys created up to its date: the key created after it must not be.
        keys.RevokeAllKeys(DateTimeOffset.UtcNow, "test: no usable key");
        await Task.Delay(TimeSpan.FromMilliseconds(20));
        var later = DateTimeOffset.UtcNow;
        StartupLock.EnsureDataProtectionKey(keys, TimeSpan.FromDays(90), later);
        Assert.Equal(atStart + 1, keys.GetAllKeys().Count);
        Assert.Contains(keys.GetAllKeys(), k => !k.IsRevoked && k.ActivationDate <= later);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothing()
    {
        var before = await Counts();

        using (var scope = factory.Services.CreateScope())
        {
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            await initializer.InitialiseAsync(new SeedOptions { Demo = true, DemoPassword = PortalFactory.DemoPassword });
        }

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Organisations_PathsNestUnderTheirParents()
    {
        var rows = await factory.WithDbAsync(db => db.Organisations
            .Select(o => new { o.Id, o.Path, o.Depth, ParentPath = o.Parent == null ? null : o.Parent.Path }).ToListAsync());

        Assert.All(rows, r =>
        {
            Assert.Matches("^(/[0-9a-z]{8})+/$", r.Path);
            if (r.ParentPath is not null)
            {
                Assert.StartsWith(r.ParentPath, r.Path, StringComparison.Ordinal);
            }

            Assert.Equal(r.Path.Count(c => c == '/') - 2, r.Depth);
        });
    }

    [Fact]
    public async Task AuditEntries_FilterAndOrderByTime_OnTheConfiguredProvider()
    {
        var marker = Guid.NewGuid().ToString("N");
        var baseTime = new DateTimeOffset(2031, 5, 30, 8, 0, 0, TimeSpan.Zero);
        await factory.WithDbAsync(async db =>
        {
            // Same instants written with different offsets: ordering must follow the instant, not the text.
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, baseTime.AddHours(2).ToOffset(TimeSpan.FromHours(8))) { Detail = marker + "c" });
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, baseTime) { Detail = marker + "a" });
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, baseTime.AddHours(1).ToOffset(TimeSpan.FromHours(-5))) { Detail = marker + "b" });
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, baseTime.AddDays(-3)) { Detail = marker + "old" });
            return await db.SaveChangesAsync();
        });

        var since = baseTime.AddMinutes(-1);
        var details = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Detail!.StartsWith(marker) && a.OccurredAt > since)
            .OrderBy(a => a.OccurredAt)
            .Select(a => a.Detail!)
            .ToListAsync());

        Assert.Equal([marker + "a", marker + "b", marker + "c"], details);
    }

    [SkippableFact]
    public async Task SubtreeQuery_OnSqlite_SearchesThePathIndex()
    {
        Skip.If(factory.IsSqlServer, "SQLite's query plan");
        var plan = await factory.WithDbAsync(async db =>
        {
            var sql = db.Organisations.AsSingleQuery().Where(o => o.Path.StartsWith("/abc/")).Select(o => o.Id).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(sql, @"\.param set (@\w+) '([^']*)'"))
            {
                var p = command.CreateParameter();
                p.ParameterName = m.Groups[1].Value;
                p.Value = m.Groups[2].Value;
                command.Parameters.Add(p);
            }

            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(3));
            }

            return string.Join("\n", rows);
        });

        Assert.Contains("SEARCH", plan, StringComparison.Ordinal);
        Assert.Contains("IX_Organisations_Path", plan, StringComparison.Ordinal);
    }

    private Task<(int Organisations, int Users, int UserRoles)> Counts() => factory.WithDbAsync(async db =>
        (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync() + await db.Notices.CountAsync() + await db.Campaigns.CountAsync()
            + await db.SummaryReports.CountAsync() + await db.ReportVersions.CountAsync()));
}
