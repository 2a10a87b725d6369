using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Shell;

/// <summary>
/// List pages send a fixed number of SQL commands however many rows they show (no query per row). The budgets are the
/// counts measured when written; raise one only with a reason. Each includes the 5 commands of the session check,
/// which tests run on every request (production: once a minute per session), and the 1 of the header's unread
/// notification count (the bell), on every page of a signed-in user.
/// </summary>
public sealed class QueryBudgetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/", 11)] // + the unit's notices waiting for 签收
    [InlineData("/admin/organisations", 9)]
    [InlineData("/admin/users", 11)]
    [InlineData("/admin/audit", 9)]
    public async Task ListPage_QueryCount_WithinBudgetAndIndependentOfRows(string page, int budget)
    {
        using var client = await factory.SignedInAsync("xj.admin@demo.local");
        var before = await CountAsync(client, page);

        for (var i = 0; i < 15; i++)
        {
            await factory.CreateUserAsync($"budget{i}-{Guid.NewGuid():N}@test.local", organisation: "阿勒泰地区科学技术协会");
            (await factory.SignedInAsync("hami.filer@demo.local")).Dispose();
        }

        var after = await CountAsync(client, page);

        Assert.True(before <= budget, $"{page}: {before} commands, budget {budget}");
        Assert.Equal(before, after);
    }

    private async Task<int> CountAsync(PortalClient client, string page)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Count;
    }
}
