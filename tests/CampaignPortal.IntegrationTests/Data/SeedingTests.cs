using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Domain;
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
        var since = DateTimeOffset.UtcNow.AddDays(-1);

        var query = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.OccurredAt > since).OrderByDescending(a => a.OccurredAt).Take(5).ToListAsync());

        Assert.NotNull(query);
    }

    private Task<(int Organisations, int Users, int UserRoles)> Counts() => factory.WithDbAsync(async db =>
        (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync()));
}
