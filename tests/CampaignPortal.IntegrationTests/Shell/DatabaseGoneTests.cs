using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CampaignPortal.IntegrationTests.Shell;

/// <summary>Deletes the SQLite file under a running portal; as a class fixture the factory is this class's alone.</summary>
public sealed class DatabaseGoneTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory = factory;

    [SkippableFact]
    public async Task DatabaseGone_HealthIs503_AndPagesShowFriendly500()
    {
        Skip.If(_factory.IsSqlServer, "Removing the database file is how SQLite goes away; SQL Server outages are not simulated here.");

        using var client = await _factory.SignedInAsync("xj.admin@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Delete(_factory.DatabaseFile);
        File.Delete(_factory.DatabaseFile + "-wal");
        File.Delete(_factory.DatabaseFile + "-shm");

        var health = await client.GetAsync("/health");
        var page = await client.GetAsync("/admin");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("系统繁忙", html, StringComparison.Ordinal);
        Assert.Contains("请求编号", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }
}
