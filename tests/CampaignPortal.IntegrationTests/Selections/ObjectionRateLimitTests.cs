using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Infrastructure;
using static CampaignPortal.IntegrationTests.Selections.AnnouncementSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>The anonymous objection form is rate-limited per address: the (N+1)-th post in the hour is refused in Chinese, not with a 500.</summary>
public sealed class ObjectionRateLimitTests(ObjectionRateLimitTests.LimitedPortal factory) : IClassFixture<ObjectionRateLimitTests.LimitedPortal>
{
    public const int Limit = 3;

    public sealed class LimitedPortal : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:ObjectionsPerHour", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Objection_BeyondTheLimitFromOneAddress_RefusedWithAChineseMessage()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var p = await ProposedSelectionAsync(factory, today, "限流评选");
        Assert.True((await PublishAsync(factory, p.SelectionId, today)).Succeeded);
        using var visitor = factory.CreatePortalClient();
        var form = $"/gongshi/{p.SelectionId}/objection";
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostFormAsync(form, Objection(p.Winner1, $"第 {i + 1} 条异议"), form)).StatusCode);
        }

        var refused = await visitor.PostFormAsync(form, Objection(p.Winner1, "超出限制"), form);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("操作过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Limit, await ObjectionCountAsync(factory, p.SelectionId));

        // The public page itself is not limited.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/gongshi/{p.SelectionId}")).StatusCode);
    }
}
